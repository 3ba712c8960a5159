import { sql, type Kysely } from 'kysely'
import { createGroupCommit, createRefusalMemory } from '../group-commit.ts'
import type { Database } from '../schema.ts'
import { shuffledIndexes, type CastOutcome, type NewVote, type VoteStore, type VoteStoreOptions } from '../vote-store.ts'

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const rowsPerInsert = 5000
const emptyBox = new Uint8Array(0)

/**
 * The PostgreSQL ballot box, shared by every server process. A batch locks its ballots' rows for
 * share before checking they are open: a close (an UPDATE of that row, on any process) waits for
 * the batches that checked before it to commit, and a batch that checks after the close sees it.
 * Secrecy as far as PostgreSQL lets it: participations in key order and box rows in shuffled order,
 * keys that say nothing, no time on the box; and when a secret ballot closes, its rows are rewritten in key
 * order in one transaction (so the transaction ids of the rows, which would pair a participation
 * with the box row written beside it, no longer tell anything), and both tables are written afresh
 * in key order (CLUSTER), without the old versions. What this cannot reach: the write-ahead log,
 * which holds each batch's rows side by side until its segments are recycled (and for good in a WAL
 * archive or a replica's): the README says so.
 */
export function createPostgresVoteStore(db: Kysely<Database>, options: VoteStoreOptions = {}): VoteStore {
  const windowMs = options.windowMs ?? 3
  const clock = options.clock ?? Date.now

  async function writeBatch(votes: readonly NewVote[], castAt: number): Promise<CastOutcome[]> {
    return db.transaction().execute(async (trx) => {
      const outcomes: CastOutcome[] = votes.map(() => 'not-open')
      const ballotIds = [...new Set(votes.map((v) => v.ballotId))].sort()
      // Locked in one order by every batch, so two batches never wait for each other in a circle.
      const ballots = new Map(
        (await trx.selectFrom('ballots').select(['id', 'status', 'closes_at']).where('id', 'in', ballotIds).orderBy('id').forShare().execute()).map((b) => [b.id, b]),
      )
      const open = votes.map((vote) => {
        const ballot = ballots.get(vote.ballotId)
        return ballot !== undefined && ballot.status === 'open' && (ballot.closes_at === null || vote.now < ballot.closes_at)
      })
      // In key order, the same in every batch: two batches sharing two people never wait for each
      // other in a circle (PostgreSQL would abort one: a deadlock). Key order says nothing of when
      // anyone voted; a stable sort keeps the first vote queued for a right ahead of a later one.
      const key = (i: number) => `${votes[i]!.ballotId}|${votes[i]!.representedId}`
      const order = votes.map((_, i) => i).filter((i) => open[i]).sort((a, b) => compare(key(a), key(b)))
      const stored = new Set<string>()
      for (const chunk of chunks(order, rowsPerInsert)) {
        const rows = await trx
          .insertInto('ballot_participations')
          .values(chunk.map((i) => {
            const v = votes[i]!
            return { ballot_id: v.ballotId, represented_id: v.representedId, client_vote_hash: v.clientVoteHash, receipt_box: v.receiptBox, cast_at: castAt }
          }))
          // The primary key refuses a second vote, even one from the same batch or another process.
          .onConflict((oc) => oc.doNothing())
          .returning(['ballot_id', 'represented_id'])
          .execute()
        for (const r of rows) stored.add(`${r.ballot_id}|${r.represented_id}`)
      }
      // Rows go in in the order listed, so of two votes for one right in this batch the first listed was stored.
      for (const i of order) outcomes[i] = stored.delete(key(i)) ? 'cast' : 'already-voted'
      const cast = shuffledIndexes(votes.length).filter((i) => outcomes[i] === 'cast')
      for (const chunk of chunks(cast, rowsPerInsert)) {
        await trx
          .insertInto('ballot_box')
          .values(chunk.map((i) => {
            const v = votes[i]!
            return { ballot_id: v.ballotId, receipt: v.receipt, choice: v.choice, nonce: v.nonce, represented_id: v.publicVoterId }
          }))
          .execute()
      }
      return outcomes
    })
  }

  /** A batch aborted by PostgreSQL to break a deadlock or a serialization conflict is written again, whole. */
  async function writeBatchRetrying(votes: readonly NewVote[], castAt: number): Promise<CastOutcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeBatch(votes, castAt)
      } catch (error) {
        const code = (error as { code?: unknown }).code
        if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error
      }
    }
  }

  const box = createGroupCommit({ windowMs, clock, write: writeBatchRetrying })

  async function rewriteInKeyOrder(ballotId: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const participations = await trx.deleteFrom('ballot_participations').where('ballot_id', '=', ballotId).returningAll().execute()
      participations.sort((a, b) => compare(a.represented_id, b.represented_id))
      // What a retry (or whoever holds a phone's clientVoteId) could open is not written back.
      for (const chunk of chunks(participations, rowsPerInsert)) {
        await trx.insertInto('ballot_participations').values(chunk.map((p) => ({ ...p, client_vote_hash: '', receipt_box: emptyBox }))).execute()
      }
      const box = await trx.deleteFrom('ballot_box').where('ballot_id', '=', ballotId).returningAll().execute()
      box.sort((a, b) => compare(a.receipt, b.receipt))
      for (const chunk of chunks(box, rowsPerInsert)) await trx.insertInto('ballot_box').values(chunk).execute()
    })
    // The old row versions, in casting order, are dead now, and new ones may have gone wherever the
    // free space map had room: CLUSTER writes each table afresh in primary-key order, without them.
    for (const table of ['ballot_participations', 'ballot_box']) {
      const index = await sql<{ name: string }>`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = ${table}::regclass AND indisprimary`.execute(db)
      await sql`CLUSTER ${sql.table(table)} USING ${sql.id(index.rows[0]!.name)}`.execute(db)
    }
  }

  const store: VoteStore = {
    async context(ballotId, representedId) {
      const row = await db
        .selectFrom('ballots as b')
        .leftJoin('ballot_voters as v', (join) => join.onRef('v.ballot_id', '=', 'b.id').on('v.represented_id', '=', representedId))
        .leftJoin('ballot_participations as p', (join) => join.onRef('p.ballot_id', '=', 'b.id').on('p.represented_id', '=', representedId))
        .select(['b.congress_id', 'b.status', 'b.closes_at', 'b.rule', 'v.holder_id', 'p.client_vote_hash', 'p.receipt_box', 'p.cast_at'])
        .where('b.id', '=', ballotId)
        .executeTakeFirst()
      if (!row) return undefined
      const { holder_id, client_vote_hash, receipt_box, cast_at, ...ballot } = row
      return {
        ballot,
        holderId: holder_id ?? undefined,
        participation: client_vote_hash !== null && receipt_box !== null ? { client_vote_hash, receipt_box, cast_at: cast_at ?? null } : undefined,
      }
    },
    participation: (ballotId, representedId) =>
      db.selectFrom('ballot_participations').select(['client_vote_hash', 'receipt_box', 'cast_at']).where('ballot_id', '=', ballotId).where('represented_id', '=', representedId).executeTakeFirst(),
    cast: box.cast,
    async counts(ballotId) {
      const row = await db
        .selectNoFrom([
          db.selectFrom('ballot_participations').select(sql<number>`count(*)`.as('n')).where('ballot_id', '=', ballotId).as('voted'),
          db.selectFrom('ballot_voters').select(sql<number>`count(*)`.as('n')).where('ballot_id', '=', ballotId).as('rights'),
        ])
        .executeTakeFirstOrThrow()
      return { voted: Number(row.voted), rights: Number(row.rights) }
    },
    async forgetCastingOrder(ballotId) {
      // Batches still waiting are written first: refused, the ballot being closed.
      box.flushWaiting()
      try {
        await rewriteInKeyOrder(ballotId)
      } catch (error) {
        // The close has been decided and answered; the next start finishes the rewrite (below).
        console.error(`ballot ${ballotId} closed, but its rows still hold the order votes came in:`, error)
      }
    },
    firstRefusal: createRefusalMemory(),
    async votesCastFor(participantId) {
      const rows = await db
        .selectFrom('ballot_participations as p')
        .innerJoin('ballot_voters as v', (join) => join.onRef('v.ballot_id', '=', 'p.ballot_id').onRef('v.represented_id', '=', 'p.represented_id'))
        .innerJoin('ballots as b', 'b.id', 'p.ballot_id')
        .select(['p.ballot_id', 'b.congress_id', 'p.cast_at', 'p.represented_id', 'v.holder_id'])
        .where((eb) => eb.or([eb('p.represented_id', '=', participantId), eb('v.holder_id', '=', participantId)]))
        .orderBy('b.opened_at')
        .orderBy('p.ballot_id')
        .execute()
      return rows.map((r) => ({ ballotId: r.ballot_id, congressId: r.congress_id, castAt: r.cast_at ?? null, representedId: r.represented_id, holderId: r.holder_id }))
    },
  }
  // A close whose rewrite a crash interrupted is finished when a server starts again.
  void (async () => {
    const unforgotten = await db
      .selectFrom('ballots as b')
      .select('b.id')
      .where('b.status', 'in', ['closed', 'published'])
      .where(sql<boolean>`(b.rule::jsonb ->> 'secrecy') != 'roll-call'`)
      .where((eb) => eb.exists(eb.selectFrom('ballot_participations as p').select('p.ballot_id').whereRef('p.ballot_id', '=', 'b.id').where('p.client_vote_hash', '!=', '')))
      .execute()
    for (const { id } of unforgotten) await store.forgetCastingOrder(id)
  })().catch((error: unknown) => console.error('plenum: finishing the rewrite of closed ballots failed:', error))
  return store
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Byte order, as the primary key's index on a C collation would sort; the order itself says nothing. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
