import type { AppDeps } from '../env.ts'
import { loadOrCreateKeys } from '../seal/keys.ts'

/** The seal's public key, for anyone (no session, no authorization), created on first use. */
export function sealPublicKey(deps: Pick<AppDeps, 'dataDir'>): { readonly pem: string; readonly fingerprint: string } {
  const keys = loadOrCreateKeys(deps.dataDir)
  return { pem: keys.publicKeyPem, fingerprint: keys.fingerprint }
}
