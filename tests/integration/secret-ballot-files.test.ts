import { execFile, execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSqliteVoteStore } from '../../db/sqlite/vote-store.ts'
import { checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * What an operator reading the data folder after a secret ballot could pair: the database file,
 * its write-ahead log and shared-memory index, read as bytes (what `cp` or `xxd` would give them).
 * Watching the server while the ballot is open is out of scope (SECURITY.md says so).
 */
describe('the data folder after a secret ballot', () => {
  const voterCount = 40
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, Array.from({ length: voterCount }, (_, i) => ({ name: `Électeur ${String(i).padStart(2, '0')}`, role: 'attendee' as const })))
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
  })
  afterAll(() => plenum.close())

  const run = promisify(execFile)
  const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))
  /**
   * A file's bytes, read by another process as an operator would: closing a descriptor on the
   * database in this process would drop the POSIX locks SQLite holds here for the server.
   */
  const readBytes = (path: string) => execFileSync('cat', [path], { maxBuffer: 1 << 28 })
  const file = (suffix: string) => join(plenum.dataDir, `plenum.db${suffix}`)
  const pageSize = () => plenum.sqlite.pragma('page_size', { simple: true }) as number

  /** Every offset of `needle` (ASCII) in `bytes`. */
  function offsets(bytes: Buffer, needle: string): number[] {
    const found: number[] = []
    for (let at = bytes.indexOf(needle, 0, 'latin1'); at !== -1; at = bytes.indexOf(needle, at + 1, 'latin1')) found.push(at)
    return found
  }

  /**
   * Offsets in leaf pages only: interior pages of a WITHOUT ROWID table repeat some keys as dividers.
   * A page's type is its first byte (after the 100-byte file header on page 1); 0x0a is an index leaf.
   */
  const inLeaves = (db: Buffer, at: readonly number[], size: number) => at.filter((o) => db[Math.floor(o / size) * size + (o < size ? 100 : 0)] === 0x0a)

  /**
   * The order cells sit in the file: page by page, and within a page from its end (SQLite fills a
   * page's content area from the end, in the order it inserts).
   */
  const physicalOrder = (positions: Map<string, number>, size: number) =>
    [...positions.entries()]
      .sort(([, a], [, b]) => Math.floor(a / size) - Math.floor(b / size) || b - a)
      .map(([key]) => key)

  function expectNoPairing(db: Buffer, ballotId: string, receipts: readonly string[], choiceOf: ReadonlyMap<string, 'yes' | 'no'>): void {
    const size = pageSize()

    // Every receipt is in the file once (the box), and in the order of receipts, not of casting.
    const boxAt = new Map<string, number>()
    for (const receipt of receipts) {
      const at = inLeaves(db, offsets(db, receipt), size)
      expect(at, `receipt ${receipt.slice(0, 8)} once in the file`).toHaveLength(1)
      boxAt.set(receipt, at[0]!)
    }
    const boxOrder = physicalOrder(boxAt, size)
    expect(boxOrder, 'ballots lie in receipt order').toEqual([...receipts].sort())
    expect(boxOrder).not.toEqual(receipts)

    // Participations (ballot id then person, not followed by the person again as in the voting list)
    // lie in the order of participant ids, not the order people voted in.
    const participationAt = new Map<string, number>()
    for (const voter of voters) {
      const cells = inLeaves(db, offsets(db, `${ballotId}${voter.id}`), size).filter((at) => db.toString('latin1', at + ballotId.length + voter.id.length, at + ballotId.length + 2 * voter.id.length) !== voter.id)
      expect(cells, `${voter.name}'s participation once in the file`).toHaveLength(1)
      participationAt.set(voter.id, cells[0]!)
    }
    const participationOrder = physicalOrder(participationAt, size)
    expect(participationOrder, 'participations lie in participant order').toEqual(voters.map((v) => v.id).sort())

    // Pairing the k-th participation with the k-th ballot gives nothing better than chance would:
    // the choice pattern of the casting order (20 Pour then 20 Contre) is not what the file shows.
    const castingRank = new Map(voters.map((v, i) => [v.id, i]))
    const pairedRight = participationOrder.filter((id, k) => {
      const rank = castingRank.get(id)!
      return choiceOf.get(boxOrder[k]!) === (rank < voterCount / 2 ? 'yes' : 'no')
    }).length
    expect(pairedRight).toBeLessThan(voterCount)

    // No page holds both a voter's id and a receipt.
    const pagesWithReceipts = new Set([...boxAt.values()].map((at) => Math.floor(at / size)))
    for (const voter of voters) {
      for (const at of offsets(db, voter.id)) expect(pagesWithReceipts.has(Math.floor(at / size)), `${voter.name} next to a receipt`).toBe(false)
    }
  }

  test('votes cast one at a time, first half Pour then Contre: after the close, the files pair no one with a choice', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    const receipts: string[] = []
    const choiceOf = new Map<string, 'yes' | 'no'>()
    for (const [i, voter] of voters.entries()) {
      const choice = i < voterCount / 2 ? 'yes' : 'no'
      const answer = await vote(plenum, voter.token, ballot.id, choice)
      expect(answer.status).toBe(200)
      receipts.push(answer.body.receipt)
      choiceOf.set(answer.body.receipt, choice)
    }
    const closed = await step(plenum, bureau, ballot.id, 'close')
    expect(closed.result).toMatchObject({ yes: voterCount / 2, no: voterCount / 2 })

    // The write-ahead log is gone or empty, and the shared-memory index lists no frame of the ballot.
    expect(existsSync(file('-wal')) ? readBytes(file('-wal')).length : 0).toBe(0)
    if (existsSync(file('-shm'))) {
      const shm = readBytes(file('-shm'))
      // Past the 136-byte header come the page numbers of the WAL's frames, in the order written.
      expect(shm.subarray(136).some((byte) => byte !== 0), 'the -shm still lists frames').toBe(false)
    }

    expectNoPairing(readBytes(file('')), ballot.id, receipts, choiceOf)

    // A backup made after the close is the same pages: nothing to pair there either.
    const backup = join(plenum.dataDir, '..', `${ballot.id}-backup`)
    await run(process.execPath, [plenumBin, 'backup', backup, '--data', plenum.dataDir])
    try {
      expectNoPairing(readBytes(join(backup, 'plenum.db')), ballot.id, receipts, choiceOf)
    } finally {
      rmSync(backup, { recursive: true, force: true })
    }
  }, 60_000)

  test('a close that a crash interrupted before the rewrite is finished when the server starts again', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    for (const [i, voter] of voters.slice(0, 10).entries()) expect((await vote(plenum, voter.token, ballot.id, i < 5 ? 'yes' : 'no')).status).toBe(200)
    // The close committed, then the process died: what a restart finds.
    await plenum.database.db.updateTable('ballots').set({ status: 'closed', closed_at: Date.now() }).where('id', '=', ballot.id).execute()
    expect(readBytes(file('-wal')).length).toBeGreaterThan(0)
    createSqliteVoteStore(plenum.sqlite)
    await waitFor(() => (existsSync(file('-wal')) ? readBytes(file('-wal')).length : 0) === 0, 'the WAL emptied at start')
    const sealed = plenum.sqlite.prepare("SELECT count(*) AS n FROM ballot_participations WHERE ballot_id = ? AND client_vote_hash != ''").get(ballot.id) as { n: number }
    expect(sealed.n).toBe(0)
  })
})
