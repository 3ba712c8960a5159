import { describe, expect, test } from 'vitest'
import { replaySittings, type LogEntry, type Person } from '../../shared/record/sittings.ts'

const people = new Map<string, Person>([
  ['a', { name: 'Zoé Nguyen', organisation: 'Lyon', role: 'attendee' }],
  ['b', { name: 'Élodie Bézier', organisation: 'Brest', role: 'delegate' }],
  ['c', { name: 'Marc Aubert', organisation: 'Pau', role: 'attendee' }],
])
// Noon in Paris on 4, 5 and 6 December 2026 (UTC+1).
const day = (n: number, hour = 11) => Date.UTC(2026, 11, n, hour)
const entry = (at: number, action: string, payload: Record<string, string>): LogEntry => ({ at, action, payload: JSON.stringify(payload) })

describe('the minutes’ sittings: the log replayed day by day', () => {
  test('a day with ballots only starts from who was there when it began, not at the end of the log', () => {
    const log = [
      entry(day(4), 'attendance.checked_in', { participantId: 'a' }),
      entry(day(4), 'attendance.checked_in', { participantId: 'b' }),
      entry(day(4), 'proxy.recorded', { giverId: 'c', holderId: 'b' }),
      entry(day(6), 'attendance.checked_out', { participantId: 'b' }),
      entry(day(6), 'proxy.revoked', { giverId: 'c' }),
      entry(day(6, 12), 'attendance.checked_in', { participantId: 'c' }),
    ]
    const sittings = replaySittings(log, [day(5)], people, 'Europe/Paris')
    expect(sittings.map((s) => [s.day, s.present.map((p) => p.name), s.proxies])).toEqual([
      // French order: Élodie before Zoé.
      ['2026-12-04', ['Élodie Bézier', 'Zoé Nguyen'], [{ giver: 'Marc Aubert', holder: 'Élodie Bézier' }]],
      ['2026-12-05', ['Élodie Bézier', 'Zoé Nguyen'], [{ giver: 'Marc Aubert', holder: 'Élodie Bézier' }]],
      // Élodie was there when the day began, Marc came later; the proxy held that morning counts.
      ['2026-12-06', ['Élodie Bézier', 'Marc Aubert', 'Zoé Nguyen'], [{ giver: 'Marc Aubert', holder: 'Élodie Bézier' }]],
    ])
  })

  test('days are the congress’s: a check-in at 23:30 UTC belongs to the next day in Paris', () => {
    const sittings = replaySittings([entry(Date.UTC(2026, 11, 4, 23, 30), 'attendance.checked_in', { participantId: 'a' })], [], people, 'Europe/Paris')
    expect(sittings.map((s) => s.day)).toEqual(['2026-12-05'])
  })
})
