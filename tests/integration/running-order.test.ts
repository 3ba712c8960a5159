import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, FiledAmendmentView } from '../../shared/api-types.ts'
import { floorAmendments } from '../../shared/floor/floor-amendments.ts'
import { runningOrder } from '../../shared/floor/running-order.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** The running order as the page computes it, from the amendments' list the server gives. */
describe('the running order of a proposal’s amendments, from the list the server gives', () => {
  let plenum: TestServer
  let bureau: string
  let filed: FiledAmendmentView[]
  const proposal = () => plenum.seed.proposals[competingProposalIndex]!
  const listed = async () => (await call<{ amendments: AmendmentView[] }>(plenum, bureau, 'GET', `/proposals/${proposal().id}/amendments`)).body.amendments
  const order = async () =>
    runningOrder(floorAmendments(await listed(), proposal().docName)).steps.map((step) =>
      step.kind === 'text' ? 'text' : step.ids.map((id) => filed.find((f) => f.id === id)!.label).join(' = '),
    )

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

  test('an amendment not yet ruled admissible is not in the order; ruled inadmissible, one leaves it', async () => {
    const late = await call<FiledAmendmentView>(plenum, bureau, 'POST', `/proposals/${proposal().id}/amendments`, { justification: 'Tardif.' })
    expect(late.status).toBe(201)
    expect(await order()).toEqual(['P2-A2', 'P2-A1 = P2-A3', 'P2-A4', 'text'])
    const a4 = filed.find((f) => f.label === 'P2-A4')!
    expect((await call(plenum, bureau, 'POST', `/amendments/${a4.id}/ruling`, { admissible: false, reason: 'Hors sujet.' })).status).toBe(200)
    expect(await order()).toEqual(['P2-A2', 'P2-A1 = P2-A3', 'text'])
  })
})
