import { describe, expect, test } from 'vitest'
import type { BallotView } from '../../shared/api-types.ts'
import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import { ballotResultsCsv } from '../../server/presenters/ballot-results-csv.ts'

const electorate = { entitled: 3, present: 3, represented: 0 }
const ballot: BallotView = {
  id: 'b1',
  congressId: 'c1',
  subject: { kind: 'proposal', id: 'p1', label: 'Proposition 1', docName: null, proposalNumber: 1, block: null, part: null },
  rule: defaultBallotRule,
  status: 'published',
  createdAt: Date.parse('2026-12-03T12:00:00Z'),
  // 14 h 05 in Paris (UTC+1 in December), then 14 h 20, then the next day after midnight.
  openedAt: Date.parse('2026-12-03T13:05:00Z'),
  closesAt: null,
  closedAt: Date.parse('2026-12-03T13:20:00Z'),
  publishedAt: Date.parse('2026-12-03T23:30:00Z'),
  electorate,
  participation: { voted: 3, rights: 3 },
  result: tally(defaultBallotRule, electorate, ['yes', 'yes', 'no']),
  chainHead: 'abc',
  room: null,
}

const columns = (csv: string) => {
  const [header, row] = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'))
  return Object.fromEntries(header!.map((name, i) => [name, row![i]]))
}

describe('the results CSV, an official output', () => {
  test('writes its dates in French, in the congress’s time zone, not as ISO timestamps', () => {
    const row = columns(ballotResultsCsv([ballot]))
    expect(row['Ouvert le']).toBe('3 décembre 2026, 14 h 05')
    expect(row['Clos le']).toBe('3 décembre 2026, 14 h 20')
    expect(row['Publié le']).toBe('4 décembre 2026, 0 h 30')
  })

  test('another time zone gives that zone’s hours', () => {
    expect(columns(ballotResultsCsv([ballot], 'America/Montreal'))['Ouvert le']).toBe('3 décembre 2026, 8 h 05')
  })
})
