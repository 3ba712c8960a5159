import type SQLite from 'better-sqlite3'
import { shuffledIndexes, type BallotForVote, type CastOutcome, type NewVote, type StoredParticipation, type VoteStore, type VoteStoreOptions } from '../vote-store.ts'
import { isUniqueViolation } from '../constraint-errors.ts'
import { createGroupCommit, createRefusalMemory } from '../group-commit.ts'
import { eraseWriteHistory } from './write-history.ts'

/** The SQLite ballot box: each batch one synchronous transaction on the server's one connection. */
export function createSqliteVoteStore(sqlite: SQLite.Database, options: VoteStoreOptions = {}): VoteStore {
  const windowMs = options.windowMs ?? 3
  const clock = options.clock ?? Date.now
  const ballotStmt = sqlite.prepare<[string], BallotForVote>('SELECT congress_id, status, closes_at, rule FROM ballots WHERE id = ?')
  const contextStmt = sqlite.prepare<[string, string, string], BallotForVote & { holder_id: string | null; client_vote_hash: string | null; receipt_box: Uint8Array | null; cast_at: number | null }>(
    `SELECT b.congress_id, b.status, b.closes_at, b.rule, v.holder_id, p.client_vote_hash, p.receipt_box, p.cast_at
       FROM ballots b
       LEFT JOIN ballot_voters v ON v.ballot_id = b.id AND v.represented_id = ?
       LEFT JOIN ballot_participations p ON p.ballot_id = b.id AND p.represented_id = ?
      WHERE b.id = ?`,
  )
  const participationStmt = sqlite.prepare<[string, string], StoredParticipation>(
    'SELECT client_vote_hash, receipt_box, cast_at FROM ballot_participations WHERE ballot_id = ? AND represented_id = ?',
  )
  const insertParticipation = sqlite.prepare<[string, string, string, Uint8Array, number]>(
    'INSERT INTO ballot_participations (ballot_id, represented_id, client_vote_hash, receipt_box, cast_at) VALUES (?, ?, ?, ?, ?)',
  )
  const insertBallot = sqlite.prepare<[string, string, string, string, string | null]>(
    'INSERT INTO ballot_box (ballot_id, receipt, choice, nonce, represented_id) VALUES (?, ?, ?, ?, ?)',
  )
  const countsStmt = sqlite.prepare<[string, string], { voted: number; rights: number }>(
    `SELECT (SELECT count(*) FROM ballot_participations WHERE ballot_id = ?) AS voted,
            (SELECT count(*) FROM ballot_voters WHERE ballot_id = ?) AS rights`,
  )
  // Once closed, nothing is left that a retry (or whoever holds a phone's clientVoteId) could open.
  const forgetSealed = sqlite.prepare<[string]>("UPDATE ballot_participations SET client_vote_hash = '', receipt_box = x'' WHERE ballot_id = ?")
  // Closed secret ballots whose close did not get as far as forgetting (the process died in between).
  const unforgottenStmt = sqlite.prepare<[], { id: string }>(
    `SELECT b.id FROM ballots b
      WHERE b.status IN ('closed', 'published') AND json_extract(b.rule, '$.secrecy') != 'roll-call'
        AND EXISTS (SELECT 1 FROM ballot_participations p WHERE p.ballot_id = b.id AND p.client_vote_hash != '')`,
  )
  const castForStmt = sqlite.prepare<[string, string], { ballot_id: string; congress_id: string; cast_at: number | null; represented_id: string; holder_id: string }>(
    `SELECT p.ballot_id, b.congress_id, p.cast_at, p.represented_id, v.holder_id
       FROM ballot_participations p
       JOIN ballot_voters v ON v.ballot_id = p.ballot_id AND v.represented_id = p.represented_id
       JOIN ballots b ON b.id = p.ballot_id
      WHERE p.represented_id = ? OR v.holder_id = ?
      ORDER BY b.opened_at, p.ballot_id`,
  )

  /** One transaction for the batch: participations, then the box, each in its own shuffled order. */
  const batchTx = sqlite.transaction((votes: readonly NewVote[], castAt: number): CastOutcome[] => {
    const outcomes: CastOutcome[] = votes.map(() => 'cast')
    const ballots = new Map<string, BallotForVote | undefined>()
    for (const i of shuffledIndexes(votes.length)) {
      const vote = votes[i]!
      if (!ballots.has(vote.ballotId)) ballots.set(vote.ballotId, ballotStmt.get(vote.ballotId))
      const ballot = ballots.get(vote.ballotId)
      if (!ballot || ballot.status !== 'open' || (ballot.closes_at !== null && vote.now >= ballot.closes_at)) {
        outcomes[i] = 'not-open'
        continue
      }
      try {
        // The primary key refuses a second vote, even one from the same batch.
        insertParticipation.run(vote.ballotId, vote.representedId, vote.clientVoteHash, vote.receiptBox, castAt)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        outcomes[i] = 'already-voted'
      }
    }
    for (const i of shuffledIndexes(votes.length)) {
      const vote = votes[i]!
      if (outcomes[i] === 'cast') insertBallot.run(vote.ballotId, vote.receipt, vote.choice, vote.nonce, vote.publicVoterId)
    }
    return outcomes
  })

  // Runs from a timer, a turn of its own: no Kysely transaction can be open (they never span I/O).
  const box = createGroupCommit({
    windowMs,
    clock,
    write(votes, castAt) {
      if (sqlite.inTransaction) throw new Error('vote batch inside another transaction')
      return batchTx(votes, castAt)
    },
  })

  async function outsideTransactions(): Promise<void> {
    do await new Promise((resolve) => setImmediate(resolve))
    while (sqlite.inTransaction)
  }

  /**
   * The close has been decided and answered whatever happens here; if another process holds the
   * database (a backup running), the rewrite is tried again a little later, and said so on stderr
   * (the ballot's id only: nothing about any vote).
   */
  function eraseWithRetries(ballotId: string, attempt: number): void {
    try {
      const { shmReset } = eraseWriteHistory(sqlite)
      if (!shmReset) console.error(`ballot ${ballotId} closed: another process holds the database open; its -shm file is reset when that process closes`)
    } catch (error) {
      if (!sqlite.open || attempt >= 20) {
        console.error(`ballot ${ballotId} closed, but its files still hold the order votes came in:`, error)
        return
      }
      setTimeout(() => void outsideTransactions().then(() => sqlite.open && eraseWithRetries(ballotId, attempt + 1)), 3000).unref()
    }
  }

  const store: VoteStore = {
    async context(ballotId, representedId) {
      const row = contextStmt.get(representedId, representedId, ballotId)
      if (!row) return undefined
      const { holder_id, client_vote_hash, receipt_box, cast_at, ...ballot } = row
      return {
        ballot,
        holderId: holder_id ?? undefined,
        participation: client_vote_hash !== null && receipt_box !== null ? { client_vote_hash, receipt_box, cast_at } : undefined,
      }
    },
    participation: async (ballotId, representedId) => participationStmt.get(ballotId, representedId),
    cast: box.cast,
    counts: async (ballotId) => countsStmt.get(ballotId, ballotId) ?? { voted: 0, rights: 0 },
    async forgetCastingOrder(ballotId) {
      // A turn of its own, after the close's transaction: any batch still waiting is written first
      // (refused, the ballot being closed), then the rewrite runs outside every transaction.
      await outsideTransactions()
      box.flushWaiting()
      forgetSealed.run(ballotId)
      eraseWithRetries(ballotId, 0)
    },
    firstRefusal: createRefusalMemory(),
    votesCastFor: async (participantId) =>
      castForStmt.all(participantId, participantId).map((r) => ({ ballotId: r.ballot_id, congressId: r.congress_id, castAt: r.cast_at, representedId: r.represented_id, holderId: r.holder_id })),
  }
  // A close whose rewrite a crash interrupted is finished when the server starts again.
  const unforgotten = unforgottenStmt.all()
  if (unforgotten.length > 0) {
    void (async () => {
      for (const { id } of unforgotten) await store.forgetCastingOrder(id)
    })().catch((error: unknown) => console.error('plenum: finishing the rewrite of closed ballots failed:', error))
  }
  return store
}
