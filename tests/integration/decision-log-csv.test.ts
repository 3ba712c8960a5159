import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditListView } from '../../shared/api-types.ts'
import { parseCsv } from '../../shared/csv.ts'
import { dateTimeWords, defaultTimeZone } from '../../shared/record/record-dates.ts'
import { call } from '../helpers/ballots.ts'
import { decisionLogFlow, type DecisionLogFlow } from '../helpers/decision-log-flow.ts'
import { bearer } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('the decision log as sentences and as CSV', () => {
  let plenum: TestServer
  let flow: DecisionLogFlow
  const path = () => `/congresses/${plenum.seed.congressId}`
  const csv = (token: string) => fetch(`${plenum.baseUrl}/api${path()}/audit.csv`, { headers: bearer(token) })

  beforeAll(async () => {
    plenum = await startTestServer()
    flow = await decisionLogFlow(plenum)
  })
  afterAll(() => plenum?.close())

  test('the log carries the names its sentences need, and only those', async () => {
    const { status, body } = await call<AuditListView>(plenum, flow.bureauToken, 'GET', `${path()}/audit`)
    expect(status).toBe(200)
    expect(body.entries.map((e) => e.action)).toEqual(['congress.created', 'participants.imported', 'phase.changed', 'amendment.filed', 'amendment.submitted', 'attendance.checked_in', 'proxy.recorded'])
    expect(body.refs.people).toEqual({ [flow.zoe.id]: 'Zoé Nguyen', [flow.marc.id]: 'Marc Aubert' })
    expect(body.refs.texts[plenum.seed.proposals[0]!.docName]).toEqual({ kind: 'proposal', number: 1 })
    // Each entry's raw form stays: its chain link and hash.
    expect(body.entries[1]!.prevHash).toBe(body.entries[0]!.hash)
  })

  test('GET audit.csv: a French header, French dates in the congress’s time zone, one line per entry, oldest first', async () => {
    const response = await csv(flow.bureauToken)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain('journal-des-decisions.csv')
    const { records } = parseCsv(await response.text())
    const { body } = await call<AuditListView>(plenum, flow.bureauToken, 'GET', `${path()}/audit`)
    expect(records[0]!.fields).toEqual(['N°', 'Date', 'Qui', 'Décision', 'Action', 'Empreinte'])
    const lines = records.slice(1).map((r) => r.fields)
    expect(lines).toHaveLength(body.entries.length)
    expect(lines.map((l) => l[4])).toEqual(body.entries.map((e) => e.action))
    expect(lines.map((l) => l[5])).toEqual(body.entries.map((e) => e.hash))
    const first = body.entries[0]!
    expect(lines[0]![1]).toBe(dateTimeWords(new Date(first.at).toISOString(), defaultTimeZone, 'fr'))
    expect(lines[0]![1]).toMatch(/^\d{1,2}(er)? [a-zéû]+ \d{4}, \d{1,2} h \d{2}$/)
    expect(lines[0]![2]).toBe('ligne de commande')
    const sentences = lines.map((l) => l[3])
    expect(sentences).toContain(`Élodie Bézier a déposé ${flow.amendmentLabel}`)
    expect(sentences).toContain('Phase : rédaction → amendements')
    expect(sentences).toContain('Zoé Nguyen pointé·e présent·e')
    expect(sentences).toContain('Pouvoir de Marc Aubert à Zoé Nguyen')
  })

  test('a delegate is refused the CSV as the log itself (403), and so is no one signed in (401)', async () => {
    const refused = await csv(flow.elodie.token)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBeTruthy()
    expect((await fetch(`${plenum.baseUrl}/api${path()}/audit.csv`)).status).toBe(401)
  })
})
