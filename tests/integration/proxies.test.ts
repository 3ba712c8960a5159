import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AttendanceView, BallotView, MyBallotView } from '../../shared/api-types.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('proxies (pouvoirs)', () => {
  let plenum: TestServer
  let bureau: string
  let holder: Signed, giver: Signed, second: Signed, absentHolder: Signed, absentGiver: Signed

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    ;[holder, giver, second, absentHolder, absentGiver] = await importAndSignIn(plenum, bureau, [
      { name: 'Hélène Porteuse', role: 'delegate' },
      { name: 'Gaston Donneur', role: 'attendee' },
      { name: 'Sophie Seconde', role: 'attendee' },
      { name: 'Aline Absente', role: 'attendee' },
      { name: 'Armand Absent', role: 'attendee' },
    ]) as [Signed, Signed, Signed, Signed, Signed]
    await setPhase(plenum, bureau, 'voting')
  })
  afterAll(() => plenum.close())

  const proxies = `/congresses/${'{id}'}/proxies`
  const give = (giverId: string, holderId: string) => call(plenum, bureau, 'POST', proxies.replace('{id}', plenum.seed.congressId), { giverId, holderId })

  test('recorded by the bureau within the cap, without chains or self-proxies', async () => {
    expect((await call(plenum, holder.token, 'POST', proxies.replace('{id}', plenum.seed.congressId), { giverId: giver.id, holderId: holder.id })).status).toBe(403)
    expect((await give(giver.id, holder.id)).status).toBe(201)
    const overCap = await give(second.id, holder.id)
    expect(overCap.status).toBe(409)
    expect(overCap.body.error.message).toContain('maximum')
    expect((await give(second.id, second.id)).status).toBe(409)
    expect((await give(giver.id, second.id)).status).toBe(409) // already given
    expect((await give(second.id, giver.id)).status).toBe(409) // a giver cannot hold
    expect((await give(holder.id, second.id)).status).toBe(409) // a holder cannot give
    expect((await give(absentGiver.id, absentHolder.id)).status).toBe(201)

    const desk = (await call<AttendanceView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/attendance`)).body
    const entry = (id: string) => desk.entries.find((e) => e.id === id)!
    expect(entry(giver.id).proxyTo).toEqual({ id: holder.id, name: 'Hélène Porteuse' })
    expect(entry(holder.id).proxiesHeld).toEqual([{ id: giver.id, name: 'Gaston Donneur' }])
  })

  test('each refusal names its reason and the people concerned', async () => {
    expect((await give(second.id, holder.id)).body.error).toMatchObject({ code: 'proxy_holder_full', holderId: holder.id, holderName: 'Hélène Porteuse', maxPerHolder: 1 })
    expect((await give(second.id, second.id)).body.error).toMatchObject({ code: 'proxy_to_self', participantId: second.id })
    expect((await give(giver.id, second.id)).body.error).toMatchObject({ code: 'proxy_already_given', giverId: giver.id, giverName: 'Gaston Donneur' })
    expect((await give(second.id, giver.id)).body.error).toMatchObject({ code: 'proxy_holder_gave', holderId: giver.id, holderName: 'Gaston Donneur' })
    expect((await give(holder.id, second.id)).body.error).toMatchObject({ code: 'proxy_giver_holds', giverId: holder.id, giverName: 'Hélène Porteuse' })
    const unknown = await give(second.id, 'nosuchperson0000')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatchObject({ code: 'voter_not_found', participantId: 'nosuchperson0000' })
    const notGiven = await call(plenum, bureau, 'DELETE', `${proxies.replace('{id}', plenum.seed.congressId)}/${second.id}`)
    expect(notGiven.status).toBe(404)
    expect(notGiven.body.error).toMatchObject({ code: 'proxy_not_found', giverId: second.id })
  })

  test('the holder casts one vote per person represented; the giver, even present, does not vote; an absent holder carries nothing', async () => {
    await checkIn(plenum, bureau, [holder.id, giver.id, second.id])
    const ballot = await openedBallot(plenum, bureau, { kind: 'motion' })
    expect(ballot.electorate).toEqual({ entitled: 6, present: 2, represented: 1 })

    const mine = (await call<MyBallotView>(plenum, holder.token, 'GET', `/ballots/${ballot.id}/me`)).body
    expect(mine.rights.map((r) => [r.name, r.self])).toEqual([['Hélène Porteuse', true], ['Gaston Donneur', false]])
    expect((await vote(plenum, holder.token, ballot.id, 'yes')).status).toBe(200)
    expect((await vote(plenum, holder.token, ballot.id, 'no', { onBehalfOf: giver.id })).status).toBe(200)
    expect((await vote(plenum, holder.token, ballot.id, 'no', { onBehalfOf: giver.id })).body.error?.code).toBe('already_voted')

    const giverVote = await vote(plenum, giver.token, ballot.id, 'yes')
    expect(giverVote.status).toBe(403)
    expect((await call<MyBallotView>(plenum, giver.token, 'GET', `/ballots/${ballot.id}/me`)).body.noRightReason).toBe('proxy-given')
    expect((await vote(plenum, second.token, ballot.id, 'no', { onBehalfOf: giver.id })).status).toBe(403)
    expect((await vote(plenum, absentHolder.token, ballot.id, 'yes', { onBehalfOf: absentGiver.id })).status).toBe(403)
    expect((await vote(plenum, absentHolder.token, ballot.id, 'yes')).status).toBe(403)

    const closed = await step(plenum, bureau, ballot.id, 'close')
    expect(closed.result).toMatchObject({ yes: 1, no: 1, cast: 2 })
    await step(plenum, bureau, ballot.id, 'publish')
  })

  test('a ballot that allows no proxies lets the present giver vote for themselves; revoking a proxy does too', async () => {
    const noProxies = await openedBallot(plenum, bureau, { kind: 'motion' }, { proxies: { allowed: false, maxPerHolder: 1 } })
    expect(noProxies.electorate).toEqual({ entitled: 6, present: 3, represented: 0 })
    expect((await vote(plenum, giver.token, noProxies.id, 'yes')).status).toBe(200)
    expect((await vote(plenum, holder.token, noProxies.id, 'yes', { onBehalfOf: giver.id })).status).toBe(403)
    await step(plenum, bureau, noProxies.id, 'close')

    expect((await call(plenum, bureau, 'DELETE', `/congresses/${plenum.seed.congressId}/proxies/${giver.id}`)).status).toBe(204)
    const after = await openedBallot(plenum, bureau, { kind: 'motion' })
    expect((after as BallotView).electorate).toEqual({ entitled: 6, present: 3, represented: 0 })
    expect((await vote(plenum, giver.token, after.id, 'abstain')).status).toBe(200)
    await step(plenum, bureau, after.id, 'close')
  })
})
