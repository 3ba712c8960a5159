import { isChoice, type Choice } from '../../shared/ballots/ballot-rule.ts'

/**
 * A vote as this device remembers it: written before it is sent, so a retry reuses its clientVoteId
 * and its device nonce (the device's half of the receipt's randomness).
 */
export interface LocalVote {
  readonly ballotId: string
  readonly representedId: string
  readonly clientVoteId: string
  readonly choice: Choice
  /** 32 hex characters drawn here; absent in votes kept before devices took part. */
  readonly deviceNonce?: string
  readonly receipt?: string
  /** The server's half, as it answered. */
  readonly serverNonce?: string
  /** Whether the receipt is the one this device computes from what it sent: false is loud. */
  readonly receiptVerified?: boolean
  /**
   * The ballot closed before a receipt came back (the server hands none out after the close): not
   * sent again, kept so the board page can look for its device nonce.
   */
  readonly closedUnanswered?: boolean
  /** For a vote cast with a proxy, the name of whom it was cast for: its receipt stays labelled after the ballot. */
  readonly onBehalfOf?: string
}

const key = 'plenum.votes'

const optional = (value: unknown, type: 'string' | 'boolean') => value === undefined || typeof value === type

/** A vote this device wrote: anything else in the storage (another version's, a hand edit) is left out. */
function isLocalVote(value: unknown): value is LocalVote {
  if (typeof value !== 'object' || value === null) return false
  const v: Partial<Record<keyof LocalVote, unknown>> = value
  return (
    typeof v.ballotId === 'string' &&
    typeof v.representedId === 'string' &&
    typeof v.clientVoteId === 'string' &&
    isChoice(v.choice) &&
    optional(v.deviceNonce, 'string') &&
    optional(v.receipt, 'string') &&
    optional(v.serverNonce, 'string') &&
    optional(v.receiptVerified, 'boolean') &&
    optional(v.closedUnanswered, 'boolean') &&
    optional(v.onBehalfOf, 'string')
  )
}

function all(): LocalVote[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return Array.isArray(stored) ? stored.filter(isLocalVote) : []
  } catch {
    return []
  }
}

export const localVotes = {
  of(ballotId: string): LocalVote[] {
    return all().filter((v) => v.ballotId === ballotId)
  },
  find(ballotId: string, representedId: string): LocalVote | undefined {
    return all().find((v) => v.ballotId === ballotId && v.representedId === representedId)
  },
  /** The server refused it for good (closed, or a vote already in): nothing left to resend. */
  remove(ballotId: string, representedId: string): void {
    localStorage.setItem(key, JSON.stringify(all().filter((v) => !(v.ballotId === ballotId && v.representedId === representedId))))
  },
  save(vote: LocalVote): void {
    const others = all().filter((v) => !(v.ballotId === vote.ballotId && v.representedId === vote.representedId))
    // A phone keeps the last few hundred votes: a congress's ballots, not a history without end.
    localStorage.setItem(key, JSON.stringify([...others, vote].slice(-500)))
  },
}
