import * as ed from '@noble/ed25519'
import { sha256 as jsSha256, sha512 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { parseSums } from '../shared/seal/sha256sums.ts'

// noble's synchronous API hashes with this; its async one would look for crypto.subtle, which a
// page served over plain HTTP from a LAN address does not have.
ed.hashes.sha512 = sha512

/** Which code checked: the browser's WebCrypto, or the pure-JS fallback (@noble/ed25519, @noble/hashes). */
export type Engine = 'webcrypto' | 'javascript'

export type SealVerdict =
  | { readonly kind: 'valid'; readonly files: number; readonly engine: Engine }
  | { readonly kind: 'invalid'; readonly what: string; readonly engine: Engine }

interface Checker {
  readonly engine: Engine
  sha256(data: Uint8Array): Promise<Uint8Array>
  /** The Ed25519 signature of `message` by the raw 32-byte public key `key`. */
  verify(key: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean>
}

// WebCrypto takes ArrayBuffer-backed views only: a copy is one.
const own = (bytes: Uint8Array) => new Uint8Array(bytes)

const javascript: Checker = {
  engine: 'javascript',
  sha256: async (data) => jsSha256(data),
  // RFC 8032's strict rules, as OpenSSL applies them, rather than ZIP-215's.
  verify: async (key, signature, message) => ed.verify(signature, message, key, { zip215: false }),
}

/** WebCrypto when the page has it and it knows Ed25519 (a secure context, a recent browser); else JavaScript. */
async function pickChecker(key: Uint8Array): Promise<Checker> {
  const subtle = globalThis.isSecureContext ? globalThis.crypto?.subtle : undefined
  if (!subtle) return javascript
  try {
    const imported = await subtle.importKey('raw', own(key), { name: 'Ed25519' }, false, ['verify'])
    return {
      engine: 'webcrypto',
      sha256: async (data) => new Uint8Array(await subtle.digest('SHA-256', own(data))),
      verify: (_key, signature, message) => subtle.verify({ name: 'Ed25519' }, imported, own(signature), own(message)),
    }
  } catch {
    return javascript
  }
}

// An Ed25519 SubjectPublicKeyInfo is this 12-byte header, then the raw 32-byte key.
const ed25519Spki = '302a300506032b6570032100'
const pemBody = (pem: string) => Uint8Array.from(atob(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '')), (c) => c.charCodeAt(0))

export interface SealFiles {
  /** The key Plenum publishes (/api/keys/public), as PEM. */
  readonly publishedKeyPem: string
  /** The bundle's public-key.pem and the fingerprint the seal recorded. */
  readonly bundledKeyPem: string
  readonly fingerprint: string
  /** Fetches one file of the bundle; undefined when the server does not have it. */
  file(name: string): Promise<Uint8Array | undefined>
}

/**
 * Checks the seal as the two stock commands of VERIFY.txt do: SHA256SUMS.sig is the signature of
 * SHA256SUMS by the published key (openssl pkeyutl -verify), then every file SHA256SUMS lists has
 * its digest (sha256sum -c). Says which file fails first, and which code did the checking.
 */
export async function checkSeal(seal: SealFiles): Promise<SealVerdict> {
  const der = pemBody(seal.publishedKeyPem)
  const checker = await pickChecker(der.subarray(12))
  const invalid = (what: string): SealVerdict => ({ kind: 'invalid', what, engine: checker.engine })
  if (der.length !== 44 || bytesToHex(der.subarray(0, 12)) !== ed25519Spki) return invalid('public-key.pem')
  if (seal.bundledKeyPem.trim() !== seal.publishedKeyPem.trim()) return invalid('public-key.pem')
  if (bytesToHex(await checker.sha256(der)) !== seal.fingerprint.replace(/ /g, '')) return invalid('public-key.pem')
  const [sums, signature] = await Promise.all([seal.file('SHA256SUMS'), seal.file('SHA256SUMS.sig')])
  if (!sums) return invalid('SHA256SUMS')
  if (!signature || !(await checker.verify(der.subarray(12), signature, sums))) return invalid('SHA256SUMS.sig')
  const parsed = parseSums(new TextDecoder().decode(sums))
  if (!parsed.ok) return invalid('SHA256SUMS')
  for (const { name, sha256 } of parsed.entries) {
    const data = await seal.file(name)
    if (!data || bytesToHex(await checker.sha256(data)) !== sha256) return invalid(name)
  }
  return { kind: 'valid', files: parsed.entries.length, engine: checker.engine }
}
