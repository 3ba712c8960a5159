import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditListView, CongressView } from '../../shared/api-types.ts'
import { parseCsv } from '../../shared/csv.ts'
import { dateTimeWords, defaultTimeZone } from '../../shared/record/record-dates.ts'
import { call } from '../helpers/ballots.ts'
import { bearer } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * The congress's time zone (issue 20, point 14: Europe/Paris by default, configurable): a congress
 * held in Nouméa writes its official dates in Nouméa's hours, in the minutes and the CSV exports.
 */
describe('the congress’s time zone', () => {
  let plenum: TestServer
  let bureau: string
  const path = () => `/congresses/${plenum.seed.congressId}`
  const words = (at: number, zone: string) => dateTimeWords(new Date(at).toISOString(), zone, 'fr')

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
  })
  afterAll(() => plenum?.close())

  test('Europe/Paris until the bureau sets another; an unknown zone is refused, field named, nothing changed', async () => {
    expect((await call<CongressView>(plenum, bureau, 'GET', path())).body.timeZone).toBe(defaultTimeZone)
    for (const timeZone of ['Mars/Olympus', 'Europe/Paris; DROP', '', 42]) {
      const refused = await call<{ error: { code: string; details: { field: string; rule: string }[] } }>(plenum, bureau, 'PATCH', path(), { timeZone })
      expect(refused.status).toBe(400)
      expect(refused.body.error.code).toBe('bad_request')
      expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'timeZone', rule: 'time_zone' })])
    }
    expect((await call(plenum, bureau, 'PATCH', path(), { timeZone: 'Pacific/Noumea' })).status).toBe(200)
    expect((await call<CongressView>(plenum, bureau, 'GET', path())).body.timeZone).toBe('Pacific/Noumea')
  })

  test('the decision log’s CSV and the minutes say their dates in the congress’s hours', async () => {
    expect((await call(plenum, bureau, 'POST', `${path()}/phase`, { phase: 'amendments' })).status).toBe(200)
    const log = (await call<AuditListView>(plenum, bureau, 'GET', `${path()}/audit`)).body
    const phase = log.entries.find((e) => e.action === 'phase.changed')!
    // Nouméa is ten or eleven hours ahead of Paris: never the same words.
    expect(words(phase.at, 'Pacific/Noumea')).not.toBe(words(phase.at, defaultTimeZone))

    const csv = await (await fetch(`${plenum.baseUrl}/api${path()}/audit.csv`, { headers: bearer(bureau) })).text()
    const line = parseCsv(csv).records.find((r) => r.fields[4] === 'phase.changed')!
    expect(line.fields[1]).toBe(words(phase.at, 'Pacific/Noumea'))

    const minutes = await (await fetch(`${plenum.baseUrl}/api${path()}/record/minutes?format=md`, { headers: bearer(bureau) })).text()
    const [day, time] = words(phase.at, 'Pacific/Noumea').split(', ') as [string, string]
    expect(minutes).toContain(time)
    expect(minutes).toContain(day)
    expect(minutes).not.toContain(words(phase.at, defaultTimeZone).split(', ')[1]!)
  })
})
