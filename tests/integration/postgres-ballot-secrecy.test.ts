import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BoardView } from '../../shared/api-types.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * What an operator reading PostgreSQL could learn of a secret ballot once it is closed. While it is
 * open, each vote's two rows share a transaction id (xmin) and sit side by side in the heap; the
 * close rewrites both tables' rows of the ballot in one transaction, then both tables in key order.
 */
describe('secret ballots on PostgreSQL', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    plenum = await startTestServer({ backend: 'postgres' })
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, Array.from({ length: 8 }, (_, i) => ({ name: `Votante ${i}`, role: 'attendee' as const })))
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    await sql`CREATE EXTENSION IF NOT EXISTS pageinspect`.execute(plenum.database.db)
  })
  afterAll(() => plenum.close())

  const rows = async (table: 'ballot_participations' | 'ballot_box', ballotId: string) =>
    (await sql<{ xmin: string; ctid: string; key: string; client_vote_hash: string | null; receipt_box: Buffer | null }>`
      SELECT xmin::text AS xmin, ctid::text AS ctid,
             ${sql.raw(table === 'ballot_box' ? 'receipt' : 'represented_id')} AS key,
             ${sql.raw(table === 'ballot_box' ? 'NULL' : 'client_vote_hash')} AS client_vote_hash,
             ${sql.raw(table === 'ballot_box' ? 'NULL' : 'receipt_box')} AS receipt_box
        FROM ${sql.table(table)} WHERE ballot_id = ${ballotId} ORDER BY ctid`.execute(plenum.database.db)).rows
  /** Tuple versions in the table's heap, live or dead: what pageinspect reads off the pages. */
  const heapTuples = async (table: string) =>
    Number(
      (await sql<{ n: string }>`
        SELECT count(*) AS n FROM generate_series(0, pg_relation_size(${table}::regclass) / current_setting('block_size')::int - 1) AS page,
             LATERAL heap_page_items(get_raw_page(${table}, page::int)) AS item
       WHERE item.lp_flags = 1`.execute(plenum.database.db)).rows[0]!.n,
    )

  test('while open each vote’s rows share a transaction; once closed, nothing pairs a participation with a choice', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    const choices = ['yes', 'no', 'abstain', 'yes', 'no', 'yes', 'yes', 'no'] as const
    const receipts: string[] = []
    // One at a time: each vote a batch of its own, the worst case for secrecy.
    for (const [i, voter] of voters.entries()) receipts.push((await vote(plenum, voter.token, ballot.id, choices[i]!)).body.receipt)

    // What the close must undo: a participation and its box row written by the same transaction.
    const openParticipations = await rows('ballot_participations', ballot.id)
    const openBox = await rows('ballot_box', ballot.id)
    expect(new Set(openBox.map((r) => r.xmin))).toEqual(new Set(openParticipations.map((r) => r.xmin)))
    expect(new Set(openBox.map((r) => r.xmin)).size).toBe(voters.length)

    await step(plenum, bureau, ballot.id, 'close')

    const participations = await rows('ballot_participations', ballot.id)
    const box = await rows('ballot_box', ballot.id)
    expect(participations).toHaveLength(voters.length)
    expect(box).toHaveLength(voters.length)
    // One transaction wrote every row of the ballot, in both tables.
    expect(new Set([...participations, ...box].map((r) => r.xmin)).size).toBe(1)
    // Heap order is key order: participant ids on one side, random receipts on the other.
    expect(participations.map((r) => r.key)).toEqual(voters.map((v) => v.id).sort())
    expect(box.map((r) => r.key)).toEqual([...receipts].sort())
    // Nothing a retry or a phone's clientVoteId could open.
    expect(participations.every((r) => r.client_vote_hash === '' && r.receipt_box?.length === 0)).toBe(true)
    // The versions written while the ballot was open are gone from the pages, not just dead.
    expect(await heapTuples('ballot_participations')).toBe(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ballot_participations`.execute(plenum.database.db)).rows[0]!.n))
    expect(await heapTuples('ballot_box')).toBe(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ballot_box`.execute(plenum.database.db)).rows[0]!.n))

    await step(plenum, bureau, ballot.id, 'publish')
    const board = (await call<BoardView>(plenum, voters[0]!.token, 'GET', `/ballots/${ballot.id}/board`)).body
    expect(board.entries.map((e) => e.receipt).sort()).toEqual([...receipts].sort())
    expect(board.entries.every((e) => e.name === null)).toBe(true)
  })

  test('a roll-call ballot keeps its rows as they are: its names are public', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' }, { secrecy: 'roll-call' })
    await vote(plenum, voters[0]!.token, ballot.id, 'no')
    await vote(plenum, voters[1]!.token, ballot.id, 'yes')
    const before = await rows('ballot_box', ballot.id)
    await step(plenum, bureau, ballot.id, 'close')
    expect((await rows('ballot_box', ballot.id)).map((r) => r.xmin)).toEqual(before.map((r) => r.xmin))
    const participations = await rows('ballot_participations', ballot.id)
    expect(participations.every((r) => r.client_vote_hash !== '')).toBe(true)
  })
})
