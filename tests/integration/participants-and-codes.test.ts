import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { bearer } from '../helpers/participants.ts'
import { connectSynced, nextClose } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('participants, access codes and sessions', () => {
  let plenum: TestServer
  let bureau: string
  let url: string

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    url = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`
  })
  afterAll(() => plenum.close())

  const importCsv = (csv: string) => fetch(url, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'text/csv; charset=utf-8' }, body: csv })
  const count = async () => ((await (await fetch(url, { headers: bearer(bureau) })).json()) as { participants: unknown[] }).participants.length

  test('a CSV import answers each participant with id, name, role and a working code', async () => {
    const response = await importCsv('name;organisation;email;role\nÉlodie Bézier;Ville d’Angoulême;elodie@example.fr;delegate\nFrançois Nguyễn;Métropole de Lyon;;attendee\n')
    expect(response.status).toBe(201)
    const { participants } = (await response.json()) as { participants: IssuedParticipantView[] }
    expect(participants.map((p) => [p.name, p.role])).toEqual([
      ['Élodie Bézier', 'delegate'],
      ['François Nguyễn', 'attendee'],
    ])
    for (const p of participants) {
      expect(p.id).toEqual(expect.any(String))
      const session = await plenum.login(p.code)
      expect(session.participant.name).toBe(p.name)
    }
  })

  test('a file with one bad row imports nothing and names the line and field', async () => {
    const before = await count()
    const response = await importCsv('name,organisation,email,role\nGood One,Ville,good@example.fr,delegate\nBad One,Ville,bad@example.fr,président\n')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; message: string; details: { line: number; field: string }[] } }
    expect(body.error.code).toBe('invalid_rows')
    expect(body.error.message).toContain('Ligne 3')
    expect(body.error.details).toEqual([expect.objectContaining({ line: 3, field: 'role' })])
    expect(await count()).toBe(before)
  })

  test('an email already registered is refused, naming its line', async () => {
    const before = await count()
    const response = await importCsv('name;organisation;email;role\nNew;Ville;new@example.fr;attendee\nAgain;Ville;ELODIE@example.fr;attendee\n')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { details: { line: number; field: string }[] } }
    expect(body.error.details).toEqual([expect.objectContaining({ line: 3, field: 'email' })])
    expect(await count()).toBe(before)
  })

  test('only the bureau imports', async () => {
    const [delegate] = ((await (await importCsv('name;organisation;email;role\nD;V;d@example.fr;delegate\n')).json()) as { participants: IssuedParticipantView[] }).participants
    const token = (await plenum.login(delegate!.code)).token
    const response = await fetch(url, { method: 'POST', headers: { ...bearer(token), 'content-type': 'text/csv' }, body: 'name;organisation;email;role\nX;V;x@example.fr;bureau\n' })
    expect(response.status).toBe(403)
  })

  test('revoking a code ends its sessions at once, its open socket included; a new code works', async () => {
    const [person] = ((await (await importCsv('name;organisation;email;role\nRévoquée;Ville;revoked@example.fr;delegate\n')).json()) as { participants: IssuedParticipantView[] }).participants
    const session = await plenum.login(person!.code)
    const client = await connectSynced(plenum.wsUrl, plenum.seed.proposals[2]!.docName, session.token, 'revoked')
    const closed = nextClose(client.provider)
    const revoke = await fetch(`${url}/${person!.id}/revoke`, { method: 'POST', headers: bearer(bureau) })
    expect(revoke.status).toBe(200)
    expect(await closed).toBe(CloseCode.Unauthorized)
    client.destroy()
    expect((await fetch(`${plenum.baseUrl}/api/session`, { headers: bearer(session.token) })).status).toBe(401)
    const retry = await fetch(`${plenum.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: person!.code }) })
    expect(retry.status).toBe(401)

    const reissued = (await (await fetch(`${url}/${person!.id}/reissue`, { method: 'POST', headers: bearer(bureau) })).json()) as { participant: IssuedParticipantView }
    expect(reissued.participant.code).not.toBe(person!.code)
    expect((await plenum.login(reissued.participant.code)).participant.id).toBe(person!.id)
  })

  test('the access sheet is a PDF made from the codes just issued, sent back in the body', async () => {
    const [person] = ((await (await importCsv('name;organisation;email;role\nCarte;Ville;card@example.fr;delegate\n')).json()) as { participants: IssuedParticipantView[] }).participants
    const response = await fetch(`${url}/sheet.pdf`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/json' }, body: JSON.stringify({ participants: [{ id: person!.id, code: person!.code }] }) })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const pdf = Buffer.from(await response.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })

  test('a refusal about a participant says which, and why', async () => {
    const errorOf = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: Record<string, unknown> }).error })
    const post = (path: string, body?: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    expect(await errorOf(await post('/personne/revoke'))).toMatchObject({ status: 404, code: 'participant_not_found', participantId: 'personne' })
    expect(await errorOf(await post('/personne/reissue'))).toMatchObject({ status: 404, code: 'participant_not_found', participantId: 'personne' })
    const me = (await (await fetch(`${plenum.baseUrl}/api/session`, { headers: bearer(bureau) })).json()) as { participant: { id: string } }
    expect(await errorOf(await post(`/${me.participant.id}/revoke`))).toMatchObject({ status: 409, code: 'own_code_revoke', participantId: me.participant.id })
    const [person] = ((await (await importCsv('name;organisation;email;role\nFeuille;Ville;;delegate\n')).json()) as { participants: IssuedParticipantView[] }).participants
    const sheet = await post('/sheet.pdf', { participants: [{ id: person!.id, code: person!.code }, { id: person!.id, code: 'AAAA-BBBB-CCCC' }] })
    expect(await errorOf(sheet)).toMatchObject({ status: 409, code: 'access_code_mismatch', participantId: person!.id, position: 2 })
    const xml = await fetch(url, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/xml' }, body: '<p/>' })
    expect(await errorOf(xml)).toMatchObject({ status: 400, code: 'participants_format', contentType: 'application/xml' })
  })
})
