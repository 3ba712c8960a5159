import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, AuditEntryView, FiledAmendmentView } from '../../shared/api-types.ts'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { call, createBallot, setPhase } from '../helpers/ballots.ts'
import { fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { recordText } from '../helpers/record-day.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** Issue 20, point 8 and "Corrections": the bureau changes a ruling, with a reason, while nothing stands on it. */
describe('changing a ruling on an amendment', () => {
  let plenum: TestServer
  let bureau: string
  let delegate: Signed
  let filed: FiledAmendmentView[]
  const byLabel = (label: string) => filed.find((f) => f.label === label)!
  const detail = async (label: string) => (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${byLabel(label).id}`)).body
  const change = (token: string, id: string, body: unknown) => call(plenum, token, 'POST', `/amendments/${id}/ruling-change`, body)
  const audit = async () => (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    ;[delegate] = (await importAndSignIn(plenum, bureau, [{ name: 'Denis Délégué', role: 'delegate' }])) as [Signed]
    await setPhase(plenum, bureau, 'amendments')
    filed = await fileCompetingAmendments(plenum, bureau)
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('the page reads who ruled and when; the bureau changes it with a reason, logged with the reason it replaces', async () => {
    const before = await detail('P2-A4')
    expect(before.status).toBe('admissible')
    expect(before.ruled).toMatchObject({ by: expect.any(String) })
    expect(before.ruled!.at).toBeGreaterThan(0)
    expect(before.rulingChangeable).toBe(true)

    const changed = await change(bureau, byLabel('P2-A4').id, { admissible: false, reason: 'Hors du champ de la proposition.' })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ ok: true, status: 'inadmissible' })
    const after = await detail('P2-A4')
    expect(after).toMatchObject({ status: 'inadmissible', rulingReason: 'Hors du champ de la proposition.', rulingChangeable: true })
    expect(after.ruled!.at).toBeGreaterThanOrEqual(before.ruled!.at)

    const entry = (await audit()).filter((e) => e.action === 'amendment.ruling_changed').at(-1)!
    expect(entry.payload).toMatchObject({ amendmentId: byLabel('P2-A4').id, label: 'P2-A4', admissible: false, reason: 'Hors du champ de la proposition.', previousReason: '' })

    // And back, with another reason: the row keeps the last one.
    expect((await change(bureau, byLabel('P2-A4').id, { admissible: true, reason: 'Relu : il vise bien la proposition.' })).status).toBe(200)
    expect(await detail('P2-A4')).toMatchObject({ status: 'admissible', rulingReason: 'Relu : il vise bien la proposition.' })
  })

  test('the first ruling is no longer repeated through /ruling: a ruled amendment is changed through /ruling-change', async () => {
    const again = await call(plenum, bureau, 'POST', `/amendments/${byLabel('P2-A3').id}/ruling`, { admissible: false, reason: 'Doublon.' })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'amendment_status', status: 'admissible', attempted: 'rule' })
  })

  test('only the bureau; the reason is required; the same ruling again is refused; a draft is not ruled yet', async () => {
    const id = byLabel('P2-A3').id
    expect((await change(delegate.token, id, { admissible: false, reason: 'Non.' })).status).toBe(403)
    const noReason = await change(bureau, id, { admissible: false })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error).toMatchObject({ code: 'bad_request', field: 'reason' })
    const blank = await change(bureau, id, { admissible: true, reason: '' })
    expect(blank.status).toBe(400)
    const same = await change(bureau, id, { admissible: true, reason: 'Toujours recevable.' })
    expect(same.status).toBe(409)
    expect(same.body.error).toMatchObject({ code: 'ruling_unchanged', admissible: true })
    const draft = await call<FiledAmendmentView>(plenum, delegate.token, 'POST', `/proposals/${plenum.seed.proposals[0]!.id}/amendments`, { justification: 'Brouillon.' })
    expect(draft.status).toBe(201)
    const unruled = await change(bureau, draft.body.id, { admissible: false, reason: 'Non.' })
    expect(unruled.status).toBe(409)
    expect(unruled.body.error).toMatchObject({ code: 'amendment_status', status: 'draft', attempted: 'change_ruling' })
    expect((await audit()).filter((e) => e.action === 'amendment.ruling_changed' && e.payload.amendmentId === id)).toHaveLength(0)
  })

  test('not once a ballot on it, or on one of its sub-amendments, is prepared: nothing is written', async () => {
    const id = byLabel('P2-A2').id
    const sub = await call<FiledAmendmentView>(plenum, delegate.token, 'POST', `/amendments/${byLabel('P2-A3').id}/sub-amendments`, { justification: 'Précision.' })
    expect(sub.status).toBe(201)
    expect((await call(plenum, delegate.token, 'POST', `/amendments/${sub.body.id}/submit`, {})).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${sub.body.id}/ruling`, { admissible: true })).status).toBe(200)
    await setPhase(plenum, bureau, 'voting')
    await createBallot(plenum, bureau, { kind: 'amendment', id })
    const refused = await change(bureau, id, { admissible: false, reason: 'Trop tard.' })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'ruling_depended_on', reason: 'ballot' })
    expect(await detail('P2-A2')).toMatchObject({ status: 'admissible', rulingChangeable: false })
    await createBallot(plenum, bureau, { kind: 'amendment', id: sub.body.id })
    const parent = await change(bureau, byLabel('P2-A3').id, { admissible: false, reason: 'Trop tard.' })
    expect(parent.status).toBe(409)
    expect(parent.body.error).toMatchObject({ code: 'ruling_depended_on', reason: 'sub_amendment', by: sub.body.label })
    expect((await audit()).filter((e) => e.action === 'amendment.ruling_changed' && [id, byLabel('P2-A3').id].includes(String(e.payload.amendmentId)))).toHaveLength(0)
  })

  test('not outside the amendment and voting phases', async () => {
    await setPhase(plenum, bureau, 'drafting')
    const refused = await change(bureau, byLabel('P2-A1').id, { admissible: false, reason: 'Non.' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('phase_forbids')
    await setPhase(plenum, bureau, 'amendments')
  })

  test('the minutes tell the final ruling, its reason and when it was changed', async () => {
    expect((await change(bureau, byLabel('P2-A1').id, { admissible: false, reason: 'Rédaction contraire aux statuts.' })).status).toBe(200)
    const minutes = await call<RecordDocument>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/record/minutes?lang=fr`)
    expect(minutes.status).toBe(200)
    const text = recordText(minutes.body)
    expect(text).toMatch(/P2-A1 \| Élodie Bézier \| — \| Déclaré irrecevable le [^|\n]*Rédaction contraire aux statuts/)
    // P2-A4 was ruled inadmissible, then admissible again: not decided, no reason told.
    expect(text).not.toContain('Hors du champ de la proposition.')
  })
})
