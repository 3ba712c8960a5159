import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DashboardView } from '../../shared/dashboard/dashboard-view.ts'
import { call, checkIn, openedBallot, setPhase, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('the bureau’s dashboard and undoing a phase move', () => {
  let plenum: TestServer
  let bureau: string
  let anne: Signed
  let bruno: Signed
  let congress: string

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    congress = plenum.seed.congressId
    ;[anne, bruno] = (await importAndSignIn(plenum, bureau, [
      { name: 'Anne Autrice', role: 'delegate' },
      { name: 'Bruno Votant', role: 'attendee' },
    ])) as [Signed, Signed]
  })
  afterAll(async () => {
    await plenum?.close()
  })

  const dashboard = (token = bureau) => call<DashboardView>(plenum, token, 'GET', `/congresses/${congress}/dashboard`)
  const revert = (reason: unknown, token = bureau) => call(plenum, token, 'POST', `/congresses/${congress}/phase/revert`, { reason })
  const phase = async () => (await call(plenum, bureau, 'GET', `/congresses/${congress}`)).body.phase as string

  test('only the bureau reads the dashboard; a delegate and an attendee get 403', async () => {
    for (const person of [anne, bruno]) {
      const answer = await dashboard(person.token)
      expect(answer.status).toBe(403)
      expect(answer.body).toMatchObject({ error: { code: 'forbidden' } })
    }
    const answer = await dashboard()
    expect(answer.status).toBe(200)
    expect(answer.body.phase).toBe('drafting')
    expect(answer.body.proposalsNotVoted).toHaveLength(plenum.seed.proposals.length)
    expect(answer.body.amendmentsPending).toEqual([])
    expect(answer.body.ballots).toEqual([])
    expect(answer.body.entitled).toEqual({ attendee: 1, delegate: 1, bureau: 1 })
    expect(answer.body.present).toEqual({ attendee: 0, delegate: 0, bureau: 0 })
    expect(answer.body.lastMove).toBeNull()
  })

  test('with no move to undo, 409 phase_revert_nothing; a reason is required; a delegate gets 403', async () => {
    expect((await revert('Erreur')).body).toMatchObject({ error: { code: 'phase_revert_nothing' } })
    expect((await revert('Erreur')).status).toBe(409)
    expect((await revert('   ')).status).toBe(400)
    expect((await revert(undefined)).status).toBe(400)
    expect((await revert('Erreur', anne.token)).status).toBe(403)
  })

  test('a move followed only by check-ins is undone, with its reason in the log and the minutes', async () => {
    await setPhase(plenum, bureau, 'amendments')
    await checkIn(plenum, bureau, [anne.id])
    const before = await dashboard()
    expect(before.body.lastMove).toMatchObject({ from: 'drafting', to: 'amendments', undoable: true })
    expect(before.body.present).toEqual({ attendee: 0, delegate: 1, bureau: 0 })

    const undone = await revert('Clic trop rapide')
    expect(undone.status).toBe(200)
    expect(undone.body).toEqual({ from: 'amendments', to: 'drafting' })
    expect(await phase()).toBe('drafting')
    const log = (await call(plenum, bureau, 'GET', `/congresses/${congress}/audit`)).body
    const entries = (Array.isArray(log) ? log : log.entries) as { action: string; payload?: unknown }[]
    expect(entries.map((e) => e.action)).toContain('phase.reverted')
    // An undo is not undone in turn: a phase change moves forward again.
    expect((await revert('Encore')).body).toMatchObject({ error: { code: 'phase_revert_nothing' } })
    expect((await dashboard()).body.lastMove).toBeNull()

    const minutes = await fetch(`${plenum.baseUrl}/api/congresses/${congress}/record/minutes?format=md`, { headers: { authorization: `Bearer ${bureau}` } })
    const text = await minutes.text()
    expect(text).toMatch(/phase : rédaction → amendements/)
    expect(text).toMatch(/changement de phase annulé : amendements → rédaction \(.* ; raison : Clic trop rapide\)/)
  })

  test('once something was decided since the move, 409 phase_revert_decided names it, and the phase stays', async () => {
    await setPhase(plenum, bureau, 'amendments')
    const filed = await call(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[0]!.id}/amendments`, {})
    expect(filed.status).toBe(201)
    const refused = await revert('Erreur')
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'phase_revert_decided', from: 'drafting', to: 'amendments', action: 'amendment.filed' })
    expect(await phase()).toBe('amendments')
    expect((await dashboard()).body.lastMove).toMatchObject({ to: 'amendments', undoable: false })
  })

  test('counts what awaits the bureau: amendments to rule, ballots with their participation', async () => {
    const filed = await call(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, {})
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
    const waiting = await dashboard()
    expect(waiting.body.amendmentsPending).toEqual([{ id: filed.body.id, label: 'P2-A1', status: 'submitted' }])

    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [bruno.id])
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id } as never)
    await vote(plenum, bruno.token, ballot.id, 'yes')
    const voting = (await dashboard()).body
    expect(voting.phase).toBe('voting')
    expect(voting.ballots).toEqual([{ id: ballot.id, status: 'open', subject: { kind: 'proposal', proposalNumber: 3, amendmentLabel: null }, voted: 1, rights: 2 }])
    expect(voting.present).toEqual({ attendee: 1, delegate: 1, bureau: 0 })
  }, 60_000)
})
