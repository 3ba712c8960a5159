import type SQLite from 'better-sqlite3'

export interface BallotForVote {
  readonly congress_id: string
  readonly status: string
  readonly closes_at: number | null
  readonly rule: string
}

export interface StoredParticipation {
  readonly client_vote_hash: string
  readonly receipt_box: Uint8Array
}

export interface NewVote {
  readonly ballotId: string
  readonly representedId: string
  readonly clientVoteHash: string
  readonly receiptBox: Uint8Array
  readonly receipt: string
  readonly choice: string
  readonly nonce: string
  /** Roll-call ballots only. */
  readonly publicVoterId: string | null
  readonly now: number
}

/** What casting needs to know, read in one statement: the ballot, who holds the right, any vote already cast. */
export interface VoteContext {
  readonly ballot: BallotForVote
  readonly holderId: string | undefined
  readonly participation: StoredParticipation | undefined
}

export type CastOutcome = 'cast' | 'already-voted' | 'not-open'

/**
 * The ballot box. Casting is synchronous, like the document log: one SQLite transaction checks the
 * ballot is still open by the server's clock and writes participation and ballot together, and no
 * other statement can run in between.
 */
export interface VoteStore {
  /** The ballot; who casts the vote of `representedId` in it, if they are on its list; their vote if cast. */
  context(ballotId: string, representedId: string): VoteContext | undefined
  participation(ballotId: string, representedId: string): StoredParticipation | undefined
  cast(vote: NewVote): CastOutcome
  /** Votes received and votes open. */
  counts(ballotId: string): { voted: number; rights: number }
}

export function createVoteStore(sqlite: SQLite.Database): VoteStore {
  const ballotStmt = sqlite.prepare<[string], BallotForVote>('SELECT congress_id, status, closes_at, rule FROM ballots WHERE id = ?')
  const contextStmt = sqlite.prepare<[string, string, string], BallotForVote & { holder_id: string | null; client_vote_hash: string | null; receipt_box: Uint8Array | null }>(
    `SELECT b.congress_id, b.status, b.closes_at, b.rule, v.holder_id, p.client_vote_hash, p.receipt_box
       FROM ballots b
       LEFT JOIN ballot_voters v ON v.ballot_id = b.id AND v.represented_id = ?
       LEFT JOIN ballot_participations p ON p.ballot_id = b.id AND p.represented_id = ?
      WHERE b.id = ?`,
  )
  const participationStmt = sqlite.prepare<[string, string], StoredParticipation>(
    'SELECT client_vote_hash, receipt_box FROM ballot_participations WHERE ballot_id = ? AND represented_id = ?',
  )
  const insertParticipation = sqlite.prepare<[string, string, string, Uint8Array]>(
    'INSERT INTO ballot_participations (ballot_id, represented_id, client_vote_hash, receipt_box) VALUES (?, ?, ?, ?)',
  )
  const insertBallot = sqlite.prepare<[string, string, string, string, string | null]>(
    'INSERT INTO ballot_box (ballot_id, receipt, choice, nonce, represented_id) VALUES (?, ?, ?, ?, ?)',
  )
  const countsStmt = sqlite.prepare<[string, string], { voted: number; rights: number }>(
    `SELECT (SELECT count(*) FROM ballot_participations WHERE ballot_id = ?) AS voted,
            (SELECT count(*) FROM ballot_voters WHERE ballot_id = ?) AS rights`,
  )
  const castTx = sqlite.transaction((vote: NewVote): CastOutcome => {
    const ballot = ballotStmt.get(vote.ballotId)
    if (!ballot || ballot.status !== 'open' || (ballot.closes_at !== null && vote.now >= ballot.closes_at)) return 'not-open'
    try {
      insertParticipation.run(vote.ballotId, vote.representedId, vote.clientVoteHash, vote.receiptBox)
    } catch (error) {
      if (isPrimaryKeyViolation(error)) return 'already-voted'
      throw error
    }
    insertBallot.run(vote.ballotId, vote.receipt, vote.choice, vote.nonce, vote.publicVoterId)
    return 'cast'
  })

  return {
    context(ballotId, representedId) {
      const row = contextStmt.get(representedId, representedId, ballotId)
      if (!row) return undefined
      const { holder_id, client_vote_hash, receipt_box, ...ballot } = row
      return {
        ballot,
        holderId: holder_id ?? undefined,
        participation: client_vote_hash !== null && receipt_box !== null ? { client_vote_hash, receipt_box } : undefined,
      }
    },
    participation: (ballotId, representedId) => participationStmt.get(ballotId, representedId),
    cast(vote) {
      // A Kysely transaction never stays open across I/O, so none is open here; if one were, this
      // vote would commit or roll back with it, after its receipt was sent: refuse loudly instead.
      if (sqlite.inTransaction) throw new Error('vote cast inside another transaction')
      return castTx(vote)
    },
    counts: (ballotId) => countsStmt.get(ballotId, ballotId) ?? { voted: 0, rights: 0 },
  }
}

function isPrimaryKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
