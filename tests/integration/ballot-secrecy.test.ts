import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { BoardView } from '../../shared/api-types.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** What a reader of the database file could learn of a secret ballot. */
describe('secret ballots', () => {
  let plenum: TestServer
  let bureau: string
  let voters: Signed[]

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    voters = await importAndSignIn(plenum, bureau, Array.from({ length: 6 }, (_, i) => ({ name: `Votant ${i}`, role: 'attendee' as const })))
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
  })
  afterAll(() => plenum.close())

  const columns = (table: string) => plenum.sqlite.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name)

  test('the stored rows link no participant to a choice: no shared key but the ballot, no time, no rowid, no receipt in clear', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    const choices = ['yes', 'no', 'abstain', 'yes', 'yes', 'no'] as const
    const clientVoteIds = voters.map((_, i) => `secret-ballot-vote-${i}-${Date.now()}`)
    const receipts: string[] = []
    for (const [i, voter] of voters.entries()) receipts.push((await vote(plenum, voter.token, ballot.id, choices[i]!, { clientVoteId: clientVoteIds[i] })).body.receipt)

    expect(columns('ballot_participations')).toEqual(['ballot_id', 'represented_id', 'client_vote_hash', 'receipt_box', 'cast_at'])
    expect(columns('ballot_box')).toEqual(['ballot_id', 'receipt', 'choice', 'nonce', 'represented_id'])
    for (const table of ['ballot_participations', 'ballot_box']) {
      expect(() => plenum.sqlite.prepare(`SELECT rowid FROM ${table}`).all(), `${table} has no rowid to order it`).toThrow()
    }
    const participations = plenum.sqlite.prepare('SELECT * FROM ballot_participations WHERE ballot_id = ?').all(ballot.id) as { represented_id: string; client_vote_hash: string; receipt_box: Buffer }[]
    const box = plenum.sqlite.prepare('SELECT * FROM ballot_box WHERE ballot_id = ?').all(ballot.id) as { receipt: string; represented_id: string | null }[]
    expect(participations).toHaveLength(6)
    expect(box).toHaveLength(6)
    expect(box.every((b) => b.represented_id === null)).toBe(true)
    // Rows come back in key order: participant ids on one side, random receipts on the other.
    expect(box.map((b) => b.receipt)).toEqual([...receipts].sort())
    expect(participations.map((p) => p.represented_id)).toEqual(voters.map((v) => v.id).sort())
    for (const p of participations) {
      const bytes = p.receipt_box.toString('latin1')
      for (const receipt of receipts) {
        expect(bytes.includes(receipt) || bytes.includes(Buffer.from(receipt, 'hex').toString('latin1'))).toBe(false)
        expect(p.client_vote_hash).not.toBe(receipt)
      }
    }
    // Nor the clientVoteIds, which would open the boxes; nor any log of single votes.
    plenum.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const file = readFileSync(join(plenum.dataDir, 'plenum.db')).toString('latin1')
    for (const id of clientVoteIds) expect(file.includes(id)).toBe(false)
    const audit = await call<{ entries: { action: string; payload: Record<string, unknown> }[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)
    expect(JSON.stringify(audit.body.entries.filter((e) => e.action.startsWith('ballot.')))).not.toMatch(new RegExp(voters.map((v) => v.id).join('|')))

    // The board, once published, shows receipts and choices and no names.
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    const board = (await call<BoardView>(plenum, voters[0]!.token, 'GET', `/ballots/${ballot.id}/board`)).body
    expect(board.secrecy).toBe('secret')
    expect(board.entries.every((e) => e.name === null)).toBe(true)
    expect(board.entries.map((e) => e.receipt).sort()).toEqual([...receipts].sort())
  })

  test('a roll-call ballot publishes each name with its choice', async () => {
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' }, { secrecy: 'roll-call' })
    await vote(plenum, voters[0]!.token, ballot.id, 'no')
    await vote(plenum, voters[1]!.token, ballot.id, 'yes')
    const missing = await call<{ notVoted: { name: string }[] }>(plenum, bureau, 'GET', `/ballots/${ballot.id}/participation`)
    expect(missing.body.notVoted.map((m) => m.name)).toEqual(['Votant 2', 'Votant 3', 'Votant 4', 'Votant 5'])
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    const board = (await call<BoardView>(plenum, voters[3]!.token, 'GET', `/ballots/${ballot.id}/board`)).body
    expect(board.entries.map((e) => [e.name, e.choice]).sort()).toEqual([['Votant 0', 'no'], ['Votant 1', 'yes']])
  })
})
