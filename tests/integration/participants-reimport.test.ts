import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditEntryView, IssuedParticipantView, ReimportPreviewView, ReimportResultView } from '../../shared/api-types.ts'
import { call, insertOpenBallot } from '../helpers/ballots.ts'
import { bearer } from '../helpers/participants.ts'
import { refuseWrites } from '../helpers/refuse-inserts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * Issue 20: a corrected list updates the people it names (matched by email) instead of failing on
 * them as duplicates; a preview says what will change, the apply does exactly that in one
 * transaction, or nothing.
 */
describe('re-importing a corrected list of participants', () => {
  let plenum: TestServer
  let bureau: string
  let url: string
  let first: IssuedParticipantView[]

  const header = 'nom;organisation;courriel;rôle\n'
  const original = `${header}Élodie Bézier;Ville d’Angoulême;elodie@example.fr;délégué\nBruno Dvořák;Lyon;bruno@example.fr;participant\nZoé Martin;Nantes;zoe@example.fr;delegate\nSans Adresse;Brest;;attendee\n`

  const post = (path: string, csv: string) => fetch(`${url}${path}`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'text/csv; charset=utf-8' }, body: csv })
  const preview = async (csv: string) => {
    const response = await post('/reimport/preview', csv)
    expect(response.status).toBe(200)
    return (await response.json()) as ReimportPreviewView
  }
  const apply = (csv: string, fingerprint: string) => post(`/reimport?expect=${fingerprint}`, csv)
  const people = async () => ((await (await fetch(url, { headers: bearer(bureau) })).json()) as { participants: { id: string; name: string; organisation: string; role: string; email: string | null }[] }).participants
  const byEmail = async (email: string) => (await people()).find((p) => p.email === email)!

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    url = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`
    const plan = await preview(original)
    expect(plan.added.map((a) => a.person.name)).toEqual(['Élodie Bézier', 'Bruno Dvořák', 'Zoé Martin', 'Sans Adresse'])
    const response = await apply(original, plan.fingerprint)
    expect(response.status).toBe(200)
    first = ((await response.json()) as ReimportResultView).added as IssuedParticipantView[]
  })
  afterAll(() => plenum.close())

  test('the preview names what is added, what changes field by field, and what does not; nothing is written', async () => {
    const before = await people()
    const corrected = `${header}Élodie Bézier;Grand Angoulême;ELODIE@example.fr;délégué\nBruno Dvořák;Lyon;bruno@example.fr;délégué\nZoé Martin;Nantes;zoe@example.fr;delegate\nNouvelle Venue;Pau;nouvelle@example.fr;attendee\n`
    const plan = await preview(corrected)
    expect(plan.errors).toEqual([])
    expect(plan.added).toEqual([expect.objectContaining({ line: 5, person: expect.objectContaining({ name: 'Nouvelle Venue', role: 'attendee' }), namesake: false })])
    expect(plan.changed).toEqual([
      expect.objectContaining({ line: 2, email: 'elodie@example.fr', fields: [{ field: 'organisation', from: 'Ville d’Angoulême', to: 'Grand Angoulême' }] }),
      expect.objectContaining({ line: 3, email: 'bruno@example.fr', fields: [{ field: 'role', from: 'attendee', to: 'delegate' }] }),
    ])
    expect(plan.unchanged).toBe(1)
    // The bureau's own seat and the email-less person are not in the file: left as they are.
    expect(plan.untouched).toBe(before.length - 3)
    expect(await people()).toEqual(before)
  })

  test('the apply does what the preview said, keeps every code, and is logged once', async () => {
    const corrected = `${header}Élodie Bézier;Grand Angoulême;elodie@example.fr;délégué\nBruno Dvořák;Lyon;bruno@example.fr;délégué\nArrivée Tard;Pau;tard@example.fr;attendee\n`
    const brunoSession = await plenum.login(first[1]!.code)
    const plan = await preview(corrected)
    const response = await apply(corrected, plan.fingerprint)
    expect(response.status).toBe(200)
    const result = (await response.json()) as ReimportResultView
    expect(result.added.map((p) => [p.name, p.role])).toEqual([['Arrivée Tard', 'attendee']])
    expect(result.added[0]!.code).toMatch(/\S/)
    expect(result.changed.map((p) => [p.name, p.organisation, p.role])).toEqual([
      ['Élodie Bézier', 'Grand Angoulême', 'delegate'],
      ['Bruno Dvořák', 'Lyon', 'delegate'],
    ])
    expect(await byEmail('elodie@example.fr')).toMatchObject({ id: first[0]!.id, organisation: 'Grand Angoulême' })
    // Codes stay: each matched person signs in with the code printed on their card.
    for (const person of first) expect((await plenum.login(person.code)).participant.id).toBe(person.id)
    // Bruno's role changed: the session that carried the old one ended; his code opens a new one, as a delegate.
    expect((await fetch(`${plenum.baseUrl}/api/session`, { headers: bearer(brunoSession.token) })).status).toBe(401)
    expect((await plenum.login(first[1]!.code)).participant.role).toBe('delegate')

    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    const entries = audit.filter((e) => e.action === 'participants.reimported')
    expect(entries.length).toBe(2)
    expect(entries.at(-1)!.payload).toMatchObject({ added: 1, changed: 2 })
  })

  test('a plan that changed since its preview is not applied (409), nor one never previewed', async () => {
    const csv = `${header}Zoé Martin;Nantes Métropole;zoe@example.fr;delegate\n`
    const plan = await preview(csv)
    // Meanwhile, someone else corrects Zoé's organisation.
    const meanwhile = `${header}Zoé Martin;Saint-Nazaire;zoe@example.fr;delegate\n`
    expect((await apply(meanwhile, (await preview(meanwhile)).fingerprint)).status).toBe(200)
    const stale = await apply(csv, plan.fingerprint)
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('reimport_changed')
    expect((await byEmail('zoe@example.fr')).organisation).toBe('Saint-Nazaire')
    expect((await post('/reimport', csv)).status).toBe(409)
  })

  test('bad lines: the preview and the apply refuse the file (400), naming every line, and nothing is written', async () => {
    const before = await people()
    const bad = `${header}Élodie Bézier;Ville;elodie@example.fr;présidente\n;Lyon;sans-nom@example.fr;attendee\nOk;Pau;ok@example.fr;attendee\nOk bis;Pau;OK@example.fr;attendee\n`
    for (const path of ['/reimport/preview', `/reimport?expect=${'0'.repeat(64)}`]) {
      const refused = await post(path, bad)
      expect(refused.status).toBe(400)
      const body = (await refused.json()) as { error: { code: string; details: { line: number; field: string; rule: string }[] } }
      expect(body.error.code).toBe('invalid_rows')
      expect(body.error.details.map((e) => [e.line, e.field, e.rule])).toEqual([
        [2, 'role', 'unknown_role'],
        [3, 'name', 'required'],
        [5, 'email', 'duplicate'],
      ])
    }
    expect(await people()).toEqual(before)
  })

  test('the role of someone on an opened ballot’s roll, and one’s own, do not change; names still may', async () => {
    const zoe = await byEmail('zoe@example.fr')
    await insertOpenBallot(plenum, [zoe.id])
    // The demo's bureau seat has no email: given one, a file can name it.
    const me = (await plenum.login()).participant
    await plenum.database.db.updateTable('participants').set({ email: 'bureau@example.fr' }).where('id', '=', me.id).execute()
    const bureauRow = (await people()).find((p) => p.id === me.id)!
    const csv = `${header}Zoé Martin;Saint-Nazaire;zoe@example.fr;attendee\n${bureauRow.name};${bureauRow.organisation};bureau@example.fr;attendee\n`
    const plan = await preview(csv)
    expect(plan.errors.map((e) => [e.line, e.rule, 'reason' in e ? e.reason : ''])).toEqual([
      [2, 'role_locked', 'voted'],
      [3, 'role_locked', 'self'],
    ])
    expect((await apply(csv, plan.fingerprint)).status).toBe(400)
    expect((await byEmail('zoe@example.fr')).role).toBe('delegate')
    const rename = `${header}Zoé Martin-Leroy;Saint-Nazaire;zoe@example.fr;delegate\n`
    const renamed = await apply(rename, (await preview(rename)).fingerprint)
    expect(renamed.status).toBe(200)
    expect((await byEmail('zoe@example.fr')).name).toBe('Zoé Martin-Leroy')
  })

  test('a write refused half-way leaves nothing: the additions go with the failed update', async () => {
    const before = await people()
    const csv = `${header}Zoé Martin-Leroy;Nantes;zoe@example.fr;delegate\nEncore Une;Pau;encore@example.fr;attendee\n`
    const plan = await preview(csv)
    const restore = await refuseWrites(plenum, { table: 'participants', event: 'UPDATE OF organisation' })
    try {
      expect((await apply(csv, plan.fingerprint)).status).toBe(500)
    } finally {
      await restore()
    }
    expect(await people()).toEqual(before)
  })

  test('an email-less row that bears a registered email-less name is flagged: it would add them twice', async () => {
    const plan = await preview(`${header}sans adresse;Brest;;attendee\n`)
    expect(plan.added).toEqual([expect.objectContaining({ namesake: true })])
  })

  test('only the bureau previews or applies', async () => {
    const delegate = await plenum.login(first[0]!.code)
    for (const path of ['/reimport/preview', '/reimport?expect=x']) {
      const response = await fetch(`${url}${path}`, { method: 'POST', headers: { ...bearer(delegate.token), 'content-type': 'text/csv' }, body: original })
      expect(response.status).toBe(403)
    }
  })

  // Last: it freezes the congress.
  test('once the motion is sealed, a re-import only adds people: its minutes name the others as they were (found by review)', async () => {
    // The ballots written straight into the database above (open, with no tally) go: the freeze seals real ones.
    await plenum.database.db.deleteFrom('ballot_voters').execute()
    await plenum.database.db.deleteFrom('ballots').execute()
    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
    const before = await people()
    const corrected = `${header}Élodie Bézier-Renommée;Ville d’Angoulême;elodie@example.fr;délégué\nNouvelle Venue;Pau;nouvelle@example.fr;participant\n`
    const plan = await preview(corrected)
    expect(plan.changed).toEqual([])
    expect(plan.added.map((a) => a.person.name)).toEqual(['Nouvelle Venue'])
    expect(plan.errors).toEqual([expect.objectContaining({ line: 2, field: 'name', rule: 'sealed' })])
    const refused = await apply(corrected, plan.fingerprint)
    expect(refused.status).toBe(400)
    expect(await people()).toEqual(before)
    // Only additions: applied.
    const additions = `${header}Nouvelle Venue;Pau;nouvelle@example.fr;participant\n`
    const added = await apply(additions, (await preview(additions)).fingerprint)
    expect(added.status).toBe(200)
    expect((await byEmail('elodie@example.fr')).name).toBe(before.find((p) => p.email === 'elodie@example.fr')!.name)
    expect(await byEmail('nouvelle@example.fr')).toMatchObject({ name: 'Nouvelle Venue', role: 'attendee' })
  })
})
