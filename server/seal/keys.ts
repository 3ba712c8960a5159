import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The seal's key pair: Ed25519, kept in the data folder. */
export interface SealKeys {
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
  /** SHA-256 of the public key's DER (SubjectPublicKeyInfo), in groups of four hex digits. */
  readonly fingerprint: string
}

export const keyFileName = 'seal-ed25519.pem'

export function keyPath(dataDir: string): string {
  return join(dataDir, 'keys', keyFileName)
}

/** Reads the key pair from the data folder, creating it on first use (private key mode 600). */
export function loadOrCreateKeys(dataDir: string): SealKeys {
  const file = keyPath(dataDir)
  if (!existsSync(file)) {
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 })
    const { privateKey } = generateKeyPairSync('ed25519')
    // 'wx': if another process created it in between, keep theirs.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    chmodSync(file, 0o600)
  }
  return keysFromPem(readFileSync(file, 'utf8'))
}

/** Reads the key pair without creating it: undefined if this data folder never sealed anything. */
export function readKeys(dataDir: string): SealKeys | undefined {
  const file = keyPath(dataDir)
  return existsSync(file) ? keysFromPem(readFileSync(file, 'utf8')) : undefined
}

function keysFromPem(pem: string): SealKeys {
  const privateKey = createPrivateKey(pem)
  const publicKey = createPublicKey(privateKey)
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: fingerprintOf(publicKey) }
}

export function fingerprintOf(publicKey: KeyObject): string {
  const hex = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')
  return hex.match(/.{4}/g)!.join(' ')
}

/** Ed25519 signature of `data` (deterministic: the same bytes always get the same signature). */
export function signBytes(keys: SealKeys, data: Uint8Array): Uint8Array {
  return sign(null, data, keys.privateKey)
}

export function verifyBytes(publicKeyPem: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), signature)
  } catch {
    return false
  }
}
