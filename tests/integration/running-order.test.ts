import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, AuditEntryView, FiledAmendmentView } from '../../shared/api-types.ts'
import { floorAmendments } from '../../shared/floor/floor-amendments.ts'
import { reorder, runningOrder, type RunningOrder } from '../../shared/floor/running-order.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** The running order as the page computes it, from the amendments' list the server gives. */
describe('the running order of a proposal’s amendments, from the list the server gives', () => {
  let plenum: TestServer
  let bureau: string
  let filed: FiledAmendmentView[]
  const proposal = () => plenum.seed.proposals[competingProposalIndex]!
  const list = async () => (await call<{ amendments: AmendmentView[]; voteOrders: Record<string, string[]> }>(plenum, bureau, 'GET', `/proposals/${proposal().id}/amendments`)).body
  const listed = async () => (await list()).amendments
  const labelsOf = (order: RunningOrder) => order.steps.map((step) => (step.kind === 'text' ? 'text' : step.ids.map((id) => filed.find((f) => f.id === id)!.label).join(' = ')))
  const order = async () => labelsOf(runningOrder(floorAmendments(await listed(), proposal().docName)))
  /** The order the page shows: the bureau's when it set one that fits, else Plenum's. */
  const shown = async () => {
    const { amendments, voteOrders } = await list()
    const computed = runningOrder(floorAmendments(amendments, proposal().docName))
    const bureaus = voteOrders[proposal().docName]
    const applied = bureaus ? reorder(computed, bureaus) : undefined
    return labelsOf(applied && 'order' in applied ? applied.order : computed)
  }
  const id = (label: string) => filed.find((f) => f.label === label)!.id
  const setOrder = (token: string, order: readonly string[]) => call(plenum, token, 'POST', `/proposals/${proposal().id}/vote-order`, { order })

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    filed = await fileCompetingAmendments(plenum, bureau)
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('each amendment says how far it departs and what text it makes', async () => {
    const byLabel = new Map((await listed()).map((a) => [a.label, a]))
    expect(byLabel.get('P2-A2')!.departure).toEqual({ deletion: true, distance: 4 })
    expect(byLabel.get('P2-A1')!.departure).toEqual({ deletion: false, distance: 2 })
    expect(byLabel.get('P2-A1')!.resultDigest).toBe(byLabel.get('P2-A3')!.resultDigest)
    expect(byLabel.get('P2-A1')!.resultDigest).not.toBe(byLabel.get('P2-A4')!.resultDigest)
  })

  test('the deletion first, then the twins in one vote, then the other passage, then the text', async () => {
    expect(await order()).toEqual(['P2-A2', 'P2-A1 = P2-A3', 'P2-A4', 'text'])
  })

  test('the bureau may put the votes in its own order, and go back to Plenum’s; the log says it did', async () => {
    const [delegate] = await importAndSignIn(plenum, bureau, [{ name: 'Denis Délégué', role: 'delegate' }])
    expect((await setOrder(delegate!.token, [id('P2-A4'), id('P2-A2'), id('P2-A1')])).status).toBe(403)
    expect((await setOrder(bureau, [id('P2-A4'), id('P2-A2'), id('P2-A1')])).status).toBe(200)
    expect(await shown()).toEqual(['P2-A4', 'P2-A2', 'P2-A1 = P2-A3', 'text'])
    // Not the same votes: one left out, or a twin named instead of its vote's first.
    for (const wrong of [[id('P2-A4'), id('P2-A2')], [id('P2-A4'), id('P2-A2'), id('P2-A3')]]) {
      const refused = await setOrder(bureau, wrong)
      expect(refused.status).toBe(409)
      expect(refused.body.error).toMatchObject({ code: 'vote_order_invalid', reason: 'not_the_same_votes' })
    }
    const twice = await setOrder(bureau, [id('P2-A4'), id('P2-A4'), id('P2-A1')])
    expect(twice.status).toBe(400)
    expect(twice.body.error).toMatchObject({ code: 'bad_request', field: 'order' })
    expect(await shown()).toEqual(['P2-A4', 'P2-A2', 'P2-A1 = P2-A3', 'text'])
    expect((await setOrder(bureau, [])).status).toBe(200)
    expect((await list()).voteOrders).toEqual({})
    expect(await shown()).toEqual(['P2-A2', 'P2-A1 = P2-A3', 'P2-A4', 'text'])
    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    expect(audit.filter((e) => e.action === 'floor.vote_order').map((e) => e.payload.order)).toEqual([['P2-A4', 'P2-A2', 'P2-A1'], []])
  })

  test('an amendment not yet ruled admissible is not in the order; ruled inadmissible, one leaves it', async () => {
    const late = await call<FiledAmendmentView>(plenum, bureau, 'POST', `/proposals/${proposal().id}/amendments`, { justification: 'Tardif.' })
    expect(late.status).toBe(201)
    expect(await order()).toEqual(['P2-A2', 'P2-A1 = P2-A3', 'P2-A4', 'text'])
    const a4 = filed.find((f) => f.label === 'P2-A4')!
    // Ruled admissible when filed: the bureau changes its ruling.
    expect((await call(plenum, bureau, 'POST', `/amendments/${a4.id}/ruling-change`, { admissible: false, reason: 'Hors sujet.' })).status).toBe(200)
    expect(await order()).toEqual(['P2-A2', 'P2-A1 = P2-A3', 'text'])
  })

  test('adopted, an amendment makes those that change the same lines fall, with the reason; the log says so', async () => {
    expect((await call(plenum, bureau, 'POST', `/amendments/${id('P2-A2')}/decision`, { outcome: 'adopted' })).status).toBe(200)
    const byLabel = new Map((await listed()).map((a) => [a.label, a]))
    expect(byLabel.get('P2-A2')!.status).toBe('merged')
    for (const label of ['P2-A1', 'P2-A3']) expect(byLabel.get(label)).toMatchObject({ status: 'fallen', fallenBy: 'P2-A2' })
    // Another passage, already ruled out: untouched.
    expect(byLabel.get('P2-A4')).toMatchObject({ status: 'inadmissible', fallenBy: null })
    expect(await order()).toEqual(['text'])
    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    expect(audit.filter((e) => e.action === 'amendment.fell').map((e) => [e.payload.label, e.payload.byLabel]).sort()).toEqual([
      ['P2-A1', 'P2-A2'],
      ['P2-A3', 'P2-A2'],
    ])
    // A fallen amendment is not put to the vote, nor adopted by hand.
    const adopt = await call(plenum, bureau, 'POST', `/amendments/${id('P2-A1')}/decision`, { outcome: 'adopted' })
    expect(adopt.status).toBe(409)
    expect(adopt.body.error).toMatchObject({ code: 'amendment_status', status: 'fallen' })
  })
})
