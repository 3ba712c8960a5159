import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, AmendmentView, AuditEntryView, FiledAmendmentView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { floorAmendments } from '../../shared/floor/floor-amendments.ts'
import { runningOrder } from '../../shared/floor/running-order.ts'
import { readSealSource } from '../../server/seal/seal-source.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('sub-amendments: filed on an amendment, voted before it, merged into it, then it into the text', () => {
  let plenum: TestServer
  let bureau: string
  let filed: FiledAmendmentView[]
  let author: Signed
  let subAuthor: Signed
  let parent: FiledAmendmentView
  let sub: FiledAmendmentView
  /** The parent's author, with the parent's text open while the sub-amendment is adopted. */
  let typing: TestClient
  const proposal = () => plenum.seed.proposals[competingProposalIndex]!
  const id = (label: string) => filed.find((f) => f.label === label)!.id
  const listed = async () => (await call<{ amendments: AmendmentView[] }>(plenum, bureau, 'GET', `/proposals/${proposal().id}/amendments`)).body.amendments
  const audit = async () => (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries

  /** Writes `find` → `replacement` into a document through the sync socket, as its editor would. */
  async function write(docName: string, who: Signed, find: string, replacement: string): Promise<void> {
    const client = await connectSynced(plenum.wsUrl, docName, who.token, who.name)
    try {
      replaceText(client.doc, find, replacement)
      await roundTrip(client)
    } finally {
      client.destroy()
    }
  }

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    filed = await fileCompetingAmendments(plenum, bureau)
    const people = await importAndSignIn(plenum, bureau, [
      { name: 'Agnès Öztürk', role: 'delegate' },
      { name: 'Léon Martin', role: 'delegate' },
    ])
    author = people[0]!
    subAuthor = people[1]!
  })
  afterAll(async () => {
    typing?.destroy()
    await plenum.close()
  })

  test('a sub-amendment is filed on a submitted amendment, labelled after it, and its diff is against it', async () => {
    parent = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposal().id}/amendments`, { justification: 'Pas de surcoût.' })).body
    expect(parent.label).toBe('P2-A5')
    await write(parent.docName, author, 'sans surcoût', 'sans aucun surcoût')
    // A draft is its authors' still: nobody amends it yet.
    const early = await call(plenum, subAuthor.token, 'POST', `/amendments/${parent.id}/sub-amendments`, {})
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('amendment_status')
    expect((await call(plenum, author.token, 'POST', `/amendments/${parent.id}/submit`)).status).toBe(200)

    const answer = await call<FiledAmendmentView>(plenum, subAuthor.token, 'POST', `/amendments/${parent.id}/sub-amendments`, { justification: 'Ni frais.' })
    expect(answer.status).toBe(201)
    sub = answer.body
    expect(sub.label).toBe('P2-A5-S1')
    await write(sub.docName, subAuthor, 'aucun surcoût', 'aucun surcoût ni frais')

    // One level only, as in the assemblies.
    const nested = await call(plenum, author.token, 'POST', `/amendments/${sub.id}/sub-amendments`, {})
    expect(nested.status).toBe(409)
    expect(nested.body.error.code).toBe('sub_amendment_nested')
    // Another congress's bureau learns nothing of it: refused as a stranger, not told it is a sub-amendment.
    const { seedDemo } = await import('../../server/services/seed-demo.ts')
    const outsider = (await plenum.login((await seedDemo(plenum.database.db, Date.now())).bureauCode)).token
    const foreign = await call(plenum, outsider, 'POST', `/amendments/${sub.id}/sub-amendments`, {})
    expect(foreign.status).toBe(403)

    const detail = (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${sub.id}`)).body
    expect(detail).toMatchObject({ label: 'P2-A5-S1', parentId: parent.id, parentLabel: 'P2-A5', targetDocName: parent.docName, rewording: false })
    expect(detail.changedLines.length).toBeGreaterThan(0)
    const parentDetail = (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${parent.id}`)).body
    expect(parentDetail.subAmendments.map((s) => s.label)).toEqual(['P2-A5-S1'])
    // Listed with the proposal's amendments, right after its parent.
    const labels = (await listed()).map((a) => a.label)
    expect(labels.indexOf('P2-A5-S1')).toBe(labels.indexOf('P2-A5') + 1)
  })

  test('the running order puts the sub-amendment to the vote before its amendment', async () => {
    expect((await call(plenum, subAuthor.token, 'POST', `/amendments/${sub.id}/submit`)).status).toBe(200)
    for (const amendment of [parent, sub]) expect((await call(plenum, bureau, 'POST', `/amendments/${amendment.id}/ruling`, { admissible: true })).status).toBe(200)
    // The parent's author keeps the amendment's page open.
    typing = await connectSynced(plenum.wsUrl, parent.docName, author.token, author.name)
    const views = await listed()
    const order = runningOrder(floorAmendments(views, proposal().docName))
    const leads = order.steps.flatMap((s) => (s.kind === 'amendment' ? [views.find((v) => v.id === s.ids[0])!.label] : []))
    expect(leads.indexOf('P2-A5-S1')).toBeGreaterThanOrEqual(0)
    expect(leads.indexOf('P2-A5-S1')).toBeLessThan(leads.indexOf('P2-A5'))
  })

  test('adopted, the sub-amendment merges into its amendment, whose author sees it live; then the amendment merges into a text that moved', async () => {
    expect((await call(plenum, bureau, 'POST', `/amendments/${sub.id}/decision`, { outcome: 'adopted' })).status).toBe(200)
    await waitFor(() => typing.text().includes('sans aucun surcoût ni frais'), 'the parent’s author to see the sub-amendment merged')
    expect((await listed()).find((a) => a.id === sub.id)!.status).toBe('merged')

    // The text moves first: another amendment, on another line, is adopted and merged.
    expect((await call(plenum, bureau, 'POST', `/amendments/${id('P2-A4')}/decision`, { outcome: 'adopted' })).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${parent.id}/decision`, { outcome: 'adopted' })).status).toBe(200)
    const stored = (await plenum.log.load(proposal().docName))!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.mergeUpdates([stored.state, ...stored.updates]))
    const text = docText(doc)
    expect(text).toContain('sans aucun surcoût ni frais ni délai')
    expect(text).toContain('la loi et le code des relations')
    expect(text.match(/surcoût/g)).toHaveLength(1)
  })

  test('a sub-amendment still waiting falls with its amendment when the amendment is withdrawn', async () => {
    const withdrawn = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposal().id}/amendments`, {})).body
    expect((await call(plenum, author.token, 'POST', `/amendments/${withdrawn.id}/submit`)).status).toBe(200)
    const orphan = (await call<FiledAmendmentView>(plenum, subAuthor.token, 'POST', `/amendments/${withdrawn.id}/sub-amendments`, {})).body
    expect(orphan.label).toBe(`${withdrawn.label}-S1`)
    expect((await call(plenum, author.token, 'POST', `/amendments/${withdrawn.id}/withdraw`)).status).toBe(200)
    expect((await listed()).find((a) => a.id === orphan.id)).toMatchObject({ status: 'fallen', fallenBy: withdrawn.label, parentLabel: withdrawn.label })
    const fell = (await audit()).find((e) => e.action === 'amendment.fell' && e.payload.amendmentId === orphan.id)
    expect(fell?.payload).toMatchObject({ label: orphan.label, byLabel: withdrawn.label, withParent: true })
  })

  test('a sub-amendment is not merged into an amendment that no longer waits for its vote', async () => {
    const ruledOut = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposal().id}/amendments`, {})).body
    expect((await call(plenum, author.token, 'POST', `/amendments/${ruledOut.id}/submit`)).status).toBe(200)
    const late = (await call<FiledAmendmentView>(plenum, subAuthor.token, 'POST', `/amendments/${ruledOut.id}/sub-amendments`, {})).body
    await write(late.docName, subAuthor, 'Toute démarche', 'Chaque démarche')
    expect((await call(plenum, subAuthor.token, 'POST', `/amendments/${late.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${late.id}/ruling`, { admissible: true })).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${ruledOut.id}/ruling`, { admissible: false, reason: 'Hors sujet.' })).status).toBe(200)
    const refused = await call(plenum, bureau, 'POST', `/amendments/${late.id}/decision`, { outcome: 'adopted' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('subject_parent_decided')
    expect((await listed()).find((a) => a.id === late.id)!.status).toBe('admissible')
  })

  test('the bureau proposes a rewording; only the author answers; accepted, the amendment is rectified', async () => {
    const target = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposal().id}/amendments`, {})).body
    await write(target.docName, author, 'Ce droit est inscrit', 'Ce droit est désormais inscrit')
    expect((await call(plenum, author.token, 'POST', `/amendments/${target.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${target.id}/ruling`, { admissible: true })).status).toBe(200)

    expect((await call(plenum, subAuthor.token, 'POST', `/amendments/${target.id}/rewordings`, {})).status).toBe(403)
    const proposed = await call<FiledAmendmentView>(plenum, bureau, 'POST', `/amendments/${target.id}/rewordings`, { justification: 'Plus sobre.' })
    expect(proposed.status).toBe(201)
    const rewording = proposed.body
    expect(rewording).toMatchObject({ label: `${target.label}-R1`, status: 'submitted' })
    expect((await call(plenum, subAuthor.token, 'POST', `/amendments/${rewording.id}/cosign`)).status).toBe(409)
    const bureauMember = { token: bureau, name: 'Bureau' } as Signed
    await write(rewording.docName, bureauMember, 'désormais inscrit', 'inscrit')
    // The bureau cannot rule it admissible and adopt it over the author's head.
    const ruled = await call(plenum, bureau, 'POST', `/amendments/${rewording.id}/ruling`, { admissible: true })
    expect(ruled.status).toBe(409)
    expect(ruled.body.error.code).toBe('amendment_status')
    expect((await call(plenum, bureau, 'POST', `/amendments/${rewording.id}/decision`, { outcome: 'adopted' })).status).toBe(409)
    // The rewording is the amendment's page's: not in the proposal's list, never put to the vote.
    expect((await listed()).some((a) => a.id === rewording.id)).toBe(false)
    const detail = (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${target.id}`)).body
    expect(detail.rewordings.map((r) => r.label)).toEqual([rewording.label])

    const stranger = await call(plenum, subAuthor.token, 'POST', `/amendments/${rewording.id}/rewording-answer`, { accept: false })
    expect(stranger.status).toBe(403)
    expect(stranger.body.error.code).toBe('not_an_author')
    const notOne = await call(plenum, author.token, 'POST', `/amendments/${target.id}/rewording-answer`, { accept: false })
    expect(notOne.body.error.code).toBe('not_a_rewording')
    // The author accepts the words they read, not words the bureau changed since.
    const stale = await call(plenum, author.token, 'POST', `/amendments/${rewording.id}/rewording-answer`, { accept: true, seen: 'read-before-the-last-edit' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('rewording_changed')
    const read = (await call<AmendmentDetailView>(plenum, author.token, 'GET', `/amendments/${rewording.id}`)).body.resultDigest
    expect((await call(plenum, author.token, 'POST', `/amendments/${rewording.id}/rewording-answer`, { accept: true, seen: read })).status).toBe(200)

    const after = (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${target.id}`)).body
    expect(after.rectifiedAt).not.toBeNull()
    expect(after.rewordings[0]!.status).toBe('merged')
    const stored = (await plenum.log.load(target.docName))!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.mergeUpdates([stored.state, ...stored.updates]))
    expect(docText(doc)).toContain('Ce droit est inscrit dans')
    expect(docText(doc)).not.toContain('désormais')
    expect((await audit()).find((e) => e.action === 'amendment.rectified')!.payload).toMatchObject({ label: target.label, rewordingLabel: rewording.label })

    // A second proposal, declined: the amendment keeps its words.
    const second = (await call<FiledAmendmentView>(plenum, bureau, 'POST', `/amendments/${target.id}/rewordings`, {})).body
    expect(second.label).toBe(`${target.label}-R2`)
    expect((await call(plenum, author.token, 'POST', `/amendments/${second.id}/rewording-answer`, { accept: false })).status).toBe(200)
    expect((await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${target.id}`)).body.rewordings.map((r) => r.status)).toEqual(['merged', 'rejected'])
    expect((await audit()).some((e) => e.action === 'amendment.rewording_declined' && e.payload.rewordingLabel === second.label)).toBe(true)
  })

  test('the sealed motion lists the merged sub-amendment under its own label, and no rewording', async () => {
    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
    const source = await readSealSource(plenum.database.db, plenum.seed.congressId)
    const merged = source.motion.amendmentsMerged.map((a) => a.label)
    expect(merged).toEqual(expect.arrayContaining(['P2-A5-S1', 'P2-A5', 'P2-A4']))
    expect(merged.some((label) => label.includes('-R'))).toBe(false)
  })
})
