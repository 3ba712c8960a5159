import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, AuditEntryView, FiledAmendmentView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('identical amendments: adopting one adopts the other, whose change is not applied twice', () => {
  let plenum: TestServer
  let bureau: string
  let filed: FiledAmendmentView[]
  const proposal = () => plenum.seed.proposals[competingProposalIndex]!
  const id = (label: string) => filed.find((f) => f.label === label)!.id

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    filed = await fileCompetingAmendments(plenum, bureau)
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('P2-A1 adopted: its twin P2-A3 is adopted with it, the deletion on the same line falls, the other passage waits', async () => {
    expect((await call(plenum, bureau, 'POST', `/amendments/${id('P2-A1')}/decision`, { outcome: 'adopted' })).status).toBe(200)
    const amendments = (await call<{ amendments: AmendmentView[] }>(plenum, bureau, 'GET', `/proposals/${proposal().id}/amendments`)).body.amendments
    const byLabel = new Map(amendments.map((a) => [a.label, a]))
    expect(byLabel.get('P2-A1')!.status).toBe('merged')
    expect(byLabel.get('P2-A3')).toMatchObject({ status: 'merged', fallenBy: null })
    expect(byLabel.get('P2-A2')).toMatchObject({ status: 'fallen', fallenBy: 'P2-A1' })
    expect(byLabel.get('P2-A4')).toMatchObject({ status: 'admissible', fallenBy: null })

    const stored = (await plenum.log.load(proposal().docName))!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.mergeUpdates([stored.state, ...stored.updates]))
    expect(docText(doc).match(/ou sociale/g)).toHaveLength(1)

    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    expect(audit.find((e) => e.action === 'amendment.adopted' && e.payload.amendmentId === id('P2-A3'))!.payload).toMatchObject({ label: 'P2-A3', identicalToLabel: 'P2-A1' })
    expect(audit.find((e) => e.action === 'amendment.fell')!.payload).toMatchObject({ label: 'P2-A2', byLabel: 'P2-A1' })
  })
})
