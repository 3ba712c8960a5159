import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'
import { pooledRandomBytes } from '../ids.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

// The receipt formula and the board's chain live in shared/, so that the voter's device, the board
// page and `plenum verify` compute exactly what the server computes.
export { boardChainHead, boardGenesis, duplicateReceipts, receiptFor, type BoardLine } from '../../shared/ballots/receipt.ts'

/** The server's half of a vote's nonce: 16 random bytes, hex. */
export function newNonce(): string {
  return pooledRandomBytes(16).toString('hex')
}

/** The vote's identity as the voter's device knows it: what a retry must present again. */
export interface VoteKey {
  readonly ballotId: string
  readonly representedId: string
  readonly clientVoteId: string
}

const keyMaterial = (k: VoteKey) => `${k.ballotId}|${k.representedId}|${k.clientVoteId}`

/** What is stored to recognise a retry: not the clientVoteId itself, which keys the receipt box. */
export function clientVoteHash(key: VoteKey): string {
  return sha256(`plenum-vote-id|${keyMaterial(key)}`)
}

function boxKey(key: VoteKey): Buffer {
  return createHash('sha256').update(`plenum-vote-key|${keyMaterial(key)}`).digest()
}

/** What a retry gets back: the receipt, and the server's nonce the device needs to recompute it. */
export interface SealedAnswer {
  readonly receipt: string
  readonly nonce: string
}

/**
 * The receipt and the server's nonce, sealed under a key derived from the clientVoteId
 * (AES-256-GCM: iv, ciphertext, tag): a retry from the device opens it, a reader of the database cannot.
 */
export function sealReceipt(key: VoteKey, answer: SealedAnswer): Uint8Array {
  const plain = answer.receipt + answer.nonce
  const iv = pooledRandomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', boxKey(key), iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return Buffer.concat([iv, sealed, cipher.getAuthTag()])
}

/** The answer back, or undefined if `key` is not the one it was sealed with. */
export function openReceipt(key: VoteKey, box: Uint8Array): SealedAnswer | undefined {
  const bytes = Buffer.from(box)
  try {
    const decipher = createDecipheriv('aes-256-gcm', boxKey(key), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    const plain = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8')
    // Sealed before migration 0007: the receipt alone.
    return { receipt: plain.slice(0, 64), nonce: plain.slice(64) }
  } catch {
    return undefined
  }
}
