import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { Choice } from './ballot-rule.ts'

/**
 * THE receipt formula, computed alike by the server, the voter's device, the board page and
 * `plenum verify` (pure-JS SHA-256: it runs where WebCrypto does not, on a phone over plain HTTP).
 *
 *   receipt = sha256("plenum-ballot|" + ballotId + "|" + choice + "|" + nonce), hex
 *
 * where the board's `nonce` is the server's 32 hex characters followed by the device's 32: the
 * device's half is random from the voter's phone, so a server cannot hand two voters who chose
 * alike the same receipt (and reuse the freed slot) without one of the phones noticing. Boards of
 * ballots cast before devices took part have a 32-character nonce: the server's alone.
 */
export function receiptFor(ballotId: string, choice: Choice | string, nonce: string): string {
  return bytesToHex(sha256(utf8ToBytes(`plenum-ballot|${ballotId}|${choice}|${nonce}`)))
}

/** 16 random bytes as 32 lowercase hex characters: the server's nonce and the device's alike. */
export const nonceHexLength = 32
export const nonceHexPattern = /^[0-9a-f]{32}$/

/** The board's nonce of a vote: the server's part, then the device's. */
export function boardNonce(serverNonce: string, deviceNonce: string): string {
  return serverNonce + deviceNonce
}

/** The device's part of a board nonce, or null for a vote cast before devices took part. */
export function deviceNonceOf(nonce: string): string | null {
  return nonce.length === 2 * nonceHexLength ? nonce.slice(nonceHexLength) : null
}

/** What the device checks when the server answers: the receipt is the one its own inputs give. */
export function receiptMatches(input: { ballotId: string; choice: Choice; serverNonce: string; deviceNonce: string; receipt: string }): boolean {
  return nonceHexPattern.test(input.serverNonce) && receiptFor(input.ballotId, input.choice, boardNonce(input.serverNonce, input.deviceNonce)) === input.receipt
}

export interface BoardLine {
  readonly receipt: string
  readonly choice: string
  readonly name: string | null
}

export const boardGenesis = '0'.repeat(64)

/** Receipts that appear more than once: a board with any is not a board (each vote has its own). */
export function duplicateReceipts(lines: readonly Pick<BoardLine, 'receipt'>[]): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const { receipt } of lines) (seen.has(receipt) ? twice : seen).add(receipt)
  return [...twice].sort()
}

/**
 * The chain over the board, in receipt order (never in casting order, which would date votes).
 * A board with a receipt twice has no chain head: it throws, so nothing can seal or publish it.
 */
export function boardChainHead(lines: readonly BoardLine[]): string {
  const duplicates = duplicateReceipts(lines)
  if (duplicates.length > 0) throw new Error(`the board lists receipt ${duplicates[0]!.slice(0, 12)}… more than once`)
  const sorted = [...lines].sort((a, b) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0))
  return sorted.reduce((head, line) => bytesToHex(sha256(utf8ToBytes(`${head}|${line.receipt}|${line.choice}|${line.name ?? ''}`))), boardGenesis)
}
