import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'
import type { Choice } from '../../shared/ballots/ballot-rule.ts'
import { pooledRandomBytes } from '../ids.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * A receipt commits to the choice: anyone can recompute it from the board entry (ballot, choice,
 * nonce), so the server cannot pin another choice on it after the fact; the server's random nonce
 * makes it unpredictable to the voter.
 */
export function receiptFor(ballotId: string, choice: Choice, nonce: string): string {
  return sha256(`plenum-ballot|${ballotId}|${choice}|${nonce}`)
}

export function newNonce(): string {
  return pooledRandomBytes(16).toString('hex')
}

export interface BoardLine {
  readonly receipt: string
  readonly choice: string
  readonly name: string | null
}

export const boardGenesis = '0'.repeat(64)

/** The chain over the board, in receipt order (never in casting order, which would date votes). */
export function boardChainHead(lines: readonly BoardLine[]): string {
  const sorted = [...lines].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0))
  return sorted.reduce((head, line) => sha256(`${head}|${line.receipt}|${line.choice}|${line.name ?? ''}`), boardGenesis)
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

/** The receipt, sealed under a key derived from the clientVoteId (AES-256-GCM: iv, ciphertext, tag). */
export function sealReceipt(key: VoteKey, receipt: string): Uint8Array {
  const iv = pooledRandomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', boxKey(key), iv)
  const sealed = Buffer.concat([cipher.update(receipt, 'utf8'), cipher.final()])
  return Buffer.concat([iv, sealed, cipher.getAuthTag()])
}

/** The receipt back, or undefined if `key` is not the one it was sealed with. */
export function openReceipt(key: VoteKey, box: Uint8Array): string | undefined {
  const bytes = Buffer.from(box)
  try {
    const decipher = createDecipheriv('aes-256-gcm', boxKey(key), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(bytes.length - 16))
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}
