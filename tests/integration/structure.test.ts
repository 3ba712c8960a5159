import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CongressView } from '../../shared/api-types.ts'
import { bearer, participantPerRole } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('the bureau shapes the congress', () => {
  let plenum: TestServer
  let token: string
  let base: string

  beforeAll(async () => {
    plenum = await startTestServer()
    token = (await plenum.login()).token
    base = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`
  })
  afterAll(() => plenum.close())

  const send = (method: string, path: string, body: unknown, who = token) =>
    fetch(`${base}${path}`, { method, headers: { ...bearer(who), 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const congress = async () => (await (await fetch(base, { headers: bearer(token) })).json()) as CongressView
  const titles = (c: CongressView) => c.proposals.map((p) => `${p.number}:${p.title}`)

  test('details: title, edition, date and place; bad values get 400 and change nothing', async () => {
    expect((await send('PATCH', '', { place: 'Angers', date: '2026-12-04', edition: 5 })).status).toBe(200)
    expect(await congress()).toMatchObject({ place: 'Angers', date: '2026-12-04', edition: 5 })
    for (const bad of [{ date: '04/12/2026' }, { edition: 0 }, { title: '' }, {}, { place: 'x'.repeat(300) }]) {
      const response = await send('PATCH', '', bad)
      expect.soft(response.status, JSON.stringify(bad)).toBe(400)
    }
    expect(await congress()).toMatchObject({ place: 'Angers', edition: 5 })
  })

  test('a new question and a new proposal take their places, and the proposals stay numbered in reading order', async () => {
    const created = (await (await send('POST', '/themes', { title: 'Comment former les agents ?' })).json()) as { id: string }
    const after = await congress()
    expect(after.themes.at(-1)).toMatchObject({ id: created.id, title: 'Comment former les agents ?', position: 5 })
    const proposal = (await (await send('POST', '/proposals', { title: 'Un plan de formation', themeId: created.id })).json()) as { id: string }
    const withProposal = await congress()
    expect(withProposal.proposals.at(-1)).toMatchObject({ id: proposal.id, number: 30, themeId: created.id })
    expect(withProposal.proposals.at(-1)!.docName).toBe(`${plenum.seed.congressId}/proposal/${proposal.id}`)
    expect(await plenum.log.load(withProposal.proposals.at(-1)!.docName)).toBeDefined()

    // Move the question first: its proposal becomes P1, the others shift by one.
    expect((await send('PATCH', `/themes/${created.id}`, { position: 1 })).status).toBe(200)
    const moved = await congress()
    expect(moved.themes.map((t) => t.position)).toEqual([1, 2, 3, 4, 5])
    expect(moved.themes[0]!.id).toBe(created.id)
    expect(titles(moved)[0]).toBe('1:Un plan de formation')
    expect(moved.proposals.map((p) => p.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  })

  test('a proposal moves to another question and position, and can be renamed', async () => {
    const before = await congress()
    const target = before.themes[2]!
    const mover = before.proposals.find((p) => p.themeId === before.themes[1]!.id)!
    expect((await send('PATCH', `/proposals/${mover.id}`, { themeId: target.id, position: 1, title: 'Titre révisé' })).status).toBe(200)
    const after = await congress()
    const moved = after.proposals.find((p) => p.id === mover.id)!
    const firstOfTarget = after.proposals.filter((p) => p.themeId === target.id)[0]!
    expect(firstOfTarget.id).toBe(mover.id)
    expect(moved.title).toBe('Titre révisé')
    expect(after.proposals.map((p) => p.number)).toEqual(Array.from({ length: after.proposals.length }, (_, i) => i + 1))
    // Numbers follow the reading order: questions by position, then proposals within each.
    const order = after.themes.flatMap((t) => after.proposals.filter((p) => p.themeId === t.id).map((p) => p.id))
    expect(after.proposals.map((p) => p.id)).toEqual(order)
  })

  test('only the bureau, and not once amendments have begun', async () => {
    const { delegate } = await participantPerRole(plenum, token, ['delegate'])
    expect((await send('POST', '/themes', { title: 'Non' }, delegate!.token)).status).toBe(403)
    await send('POST', '/phase', { phase: 'amendments' })
    const late = await send('POST', '/themes', { title: 'Trop tard' })
    expect(late.status).toBe(409)
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('phase_forbids')
    await send('POST', '/phase', { phase: 'drafting' })
  })

  test('a question or a proposal that is not there is named in the refusal, with its id', async () => {
    const errorOf = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: Record<string, unknown> }).error })
    expect(await errorOf(await send('PATCH', '/themes/nulle-part', { title: 'X' }))).toMatchObject({ status: 404, code: 'theme_not_found', themeId: 'nulle-part' })
    expect(await errorOf(await send('POST', '/proposals', { title: 'X', themeId: 'nulle-part' }))).toMatchObject({ status: 404, code: 'theme_not_found', themeId: 'nulle-part' })
    expect(await errorOf(await send('PATCH', '/proposals/aucune', { title: 'X' }))).toMatchObject({ status: 404, code: 'proposal_not_found', proposalId: 'aucune' })
  })

  test('a body with several bad fields names each of them in the details', async () => {
    const response = await send('PATCH', '', { date: 'demain', edition: 0 })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { code: string; details: { field: string; message: string }[] } }
    expect(error.code).toBe('bad_request')
    expect(error.details.map((d) => d.field).sort()).toEqual(['date', 'edition'])
  })

  test('every change is in the audit log', async () => {
    const { entries } = (await (await fetch(`${base}/audit`, { headers: bearer(token) })).json()) as { entries: { action: string }[] }
    const actions = entries.map((e) => e.action)
    for (const action of ['congress.updated', 'theme.added', 'proposal.added', 'theme.updated', 'proposal.updated']) expect(actions).toContain(action)
  })
})
