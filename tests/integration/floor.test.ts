import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditEntryView, FiledAmendmentView, FloorView } from '../../shared/api-types.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { waitFor } from '../helpers/wait-for.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** The list of speakers through the API: the bureau runs it, participants ask from their phones. */
describe('the floor: the item under debate and its list of speakers', () => {
  let plenum: TestServer
  let bureau: string
  let anne: Signed
  let bruno: Signed
  let chloe: Signed
  let denis: Signed
  const path = () => `/congresses/${plenum.seed.congressId}/floor`
  const floor = async (token = anne.token) => (await call<FloorView>(plenum, token, 'GET', path())).body
  const ask = (who: Signed, stance: string) => call<{ requestId: string }>(plenum, who.token, 'POST', `${path()}/requests`, { stance })
  const names = (turns: FloorView['queue']) => turns.map((t) => `${t.name}${t.stance === 'for' ? '+' : t.stance === 'against' ? '-' : '!'}`)

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    ;[anne, bruno, chloe, denis] = (await importAndSignIn(plenum, bureau, [
      { name: 'Anne', role: 'delegate' },
      { name: 'Bruno', role: 'delegate' },
      { name: 'Chloé', role: 'attendee' },
      { name: 'Denis', role: 'attendee' },
    ])) as [Signed, Signed, Signed, Signed]
    await setPhase(plenum, bureau, 'amendments')
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('no one asks before the bureau puts an item under debate', async () => {
    const asked = Date.now()
    const view = await floor()
    expect(view).toMatchObject({ debateDoc: null, speaking: null, queue: [], spoken: [], speakingSeconds: 180, rules: { alternate: true, firstTimersFirst: true } })
    // The server's clock, from which the pages' countdowns measure their own offset.
    expect(view.now).toBeGreaterThanOrEqual(asked)
    expect(view.now).toBeLessThanOrEqual(Date.now())
    const early = await ask(anne, 'for')
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ error: { code: 'floor_no_debate' } })
    const notOurs = await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: 'someone/else/text' })
    expect(notOurs.status).toBe(404)
    expect((await call(plenum, anne.token, 'POST', `${path()}/debate`, { docName: plenum.seed.proposals[0]!.docName })).status).toBe(403)
  })

  test('the queue: pour and contre in turn, a point of order first, one request per person; every page hears of it', async () => {
    const stream = openEvents(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/events`, chloe.token)
    await waitFor(() => stream.events.some((e) => e.event === 'phase'), 'the stream to open')
    expect((await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: plenum.seed.proposals[0]!.docName })).status).toBe(200)
    await waitFor(() => stream.events.some((e) => e.event === 'floor'), 'the floor event')
    stream.close()
    for (const [who, stance] of [[anne, 'for'], [bruno, 'for'], [chloe, 'against']] as const) expect((await ask(who, stance)).status).toBe(201)
    expect(names((await floor()).queue)).toEqual(['Anne+', 'Chloé-', 'Bruno+'])
    const again = await ask(anne, 'against')
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { code: 'floor_already_asked' } })
    expect((await ask(denis, 'order')).status).toBe(201)
    expect(names((await floor()).queue)).toEqual(['Denis!', 'Anne+', 'Chloé-', 'Bruno+'])
    const bad = await call(plenum, denis.token, 'POST', `${path()}/requests`, { stance: 'maybe' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'stance' })
  })

  test('the bureau gives the floor and ends it; who spoke, for how long, is kept; a withdrawn request leaves the queue', async () => {
    const first = (await floor()).queue[0]!
    expect((await call(plenum, anne.token, 'POST', `${path()}/requests/${first.requestId}/give`)).status).toBe(403)
    expect((await call(plenum, bureau, 'POST', `${path()}/requests/${first.requestId}/give`)).status).toBe(200)
    let now = await floor()
    expect(now.speaking).toMatchObject({ name: 'Denis', stance: 'order' })
    expect(now.speaking!.startedAt).toBeGreaterThan(0)
    // The next one given the floor: the one speaking finishes.
    const anneTurn = now.queue[0]!
    expect(anneTurn.name).toBe('Anne')
    expect((await call(plenum, bureau, 'POST', `${path()}/requests/${anneTurn.requestId}/give`)).status).toBe(200)
    now = await floor()
    expect(now.speaking?.name).toBe('Anne')
    expect(names(now.spoken)).toEqual(['Denis!'])
    // Bruno withdraws; someone else cannot withdraw for him.
    const brunoTurn = now.queue.find((t) => t.name === 'Bruno')!
    expect((await call(plenum, chloe.token, 'POST', `${path()}/requests/${brunoTurn.requestId}/withdraw`)).status).toBe(404)
    expect((await call(plenum, bruno.token, 'POST', `${path()}/requests/${brunoTurn.requestId}/withdraw`)).status).toBe(200)
    expect((await call(plenum, bruno.token, 'POST', `${path()}/requests/${brunoTurn.requestId}/withdraw`)).status).toBe(409)
    expect((await call(plenum, bureau, 'POST', `${path()}/requests/${anneTurn.requestId}/end`)).status).toBe(200)
    now = await floor()
    expect(now.speaking).toBeNull()
    expect(names(now.queue)).toEqual(['Chloé-'])
    expect(names(now.spoken)).toEqual(['Denis!', 'Anne+'])
    expect(now.spoken[1]!.endedAt).toBeGreaterThanOrEqual(now.spoken[1]!.startedAt!)
    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    expect(audit.filter((e) => e.action.startsWith('floor.')).map((e) => e.action)).toEqual([
      'floor.debate', 'floor.asked', 'floor.asked', 'floor.asked', 'floor.asked', 'floor.given', 'floor.given', 'floor.withdrawn', 'floor.ended',
    ])
  })

  test('the bureau sets a speaker’s time and the switches: without alternation, the queue is the order asked', async () => {
    expect((await call(plenum, anne.token, 'POST', `${path()}/rules`, { speakingSeconds: 120, alternate: false, firstTimersFirst: false })).status).toBe(403)
    const bad = await call(plenum, bureau, 'POST', `${path()}/rules`, { speakingSeconds: 5, alternate: false, firstTimersFirst: false })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'speakingSeconds' })
    expect((await ask(bruno, 'against')).status).toBe(201)
    expect((await ask(anne, 'for')).status).toBe(201)
    // Anne (pour) spoke last: a contre, then her, then the other contre.
    expect(names((await floor()).queue)).toEqual(['Chloé-', 'Anne+', 'Bruno-'])
    expect((await call(plenum, bureau, 'POST', `${path()}/rules`, { speakingSeconds: 120, alternate: false, firstTimersFirst: false })).status).toBe(200)
    expect(await floor()).toMatchObject({ speakingSeconds: 120, rules: { alternate: false, firstTimersFirst: false } })
    expect(names((await floor()).queue)).toEqual(['Chloé-', 'Bruno-', 'Anne+'])
    expect((await call(plenum, bureau, 'POST', `${path()}/rules`, { speakingSeconds: 180, alternate: true, firstTimersFirst: true })).status).toBe(200)
    for (const who of [anne, bruno]) {
      const turn = (await floor()).queue.find((t) => t.participantId === who.id)!
      expect((await call(plenum, who.token, 'POST', `${path()}/requests/${turn.requestId}/withdraw`)).status).toBe(200)
    }
  })

  test('another item under debate: its own list; the earlier one waits for its item to come back', async () => {
    const chloeTurn = (await floor()).queue[0]!
    expect((await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: plenum.seed.proposals[1]!.docName })).status).toBe(200)
    expect(await floor()).toMatchObject({ debateDoc: plenum.seed.proposals[1]!.docName, queue: [], spoken: [] })
    const elsewhere = await call(plenum, bureau, 'POST', `${path()}/requests/${chloeTurn.requestId}/give`)
    expect(elsewhere.status).toBe(409)
    expect((await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: plenum.seed.proposals[0]!.docName })).status).toBe(200)
    expect(names((await floor()).queue)).toEqual(['Chloé-'])
  })

  test('a discussion commune under debate: the text narrowed to one amendment and those debated with it, with its own list', async () => {
    const text = plenum.seed.proposals[0]!
    const filed = (await call<FiledAmendmentView>(plenum, anne.token, 'POST', `/proposals/${text.id}/amendments`, {})).body
    const elsewhere = (await call<FiledAmendmentView>(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, {})).body
    const wrong = await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: text.docName, amendmentId: elsewhere.id })
    expect(wrong.status).toBe(404)
    expect(wrong.body.error.code).toBe('floor_amendment_not_found')
    const wholeTurn = (await floor()).queue[0]!
    expect((await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: text.docName, amendmentId: filed.id })).status).toBe(200)
    expect(await floor()).toMatchObject({ debateDoc: text.docName, debateAmendment: { id: filed.id, label: filed.label }, queue: [] })
    // A request made on the whole text waits for the whole text to come back.
    expect((await call(plenum, bureau, 'POST', `${path()}/requests/${wholeTurn.requestId}/give`)).status).toBe(409)
    expect((await ask(denis, 'against')).status).toBe(201)
    expect(names((await floor()).queue)).toEqual(['Denis-'])
    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    expect(audit.filter((e) => e.action === 'floor.debate').at(-1)!.payload).toMatchObject({ docName: text.docName, amendmentId: filed.id })
    expect((await call(plenum, bureau, 'POST', `${path()}/debate`, { docName: text.docName })).status).toBe(200)
    expect(await floor()).toMatchObject({ debateAmendment: null })
    expect(names((await floor()).queue)).toEqual(['Chloé-'])
  })
})
