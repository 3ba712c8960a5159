import { describe, expect, test } from 'vitest'
import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'
import { buildMinutes } from '../../shared/record/minutes.ts'
import type { MinutesBallot, MinutesData } from '../../shared/record/minutes-data.ts'
import { recordText } from '../helpers/record-day.ts'

const tally = { yes: 40, no: 12, abstain: 3, cast: 55, expressed: 52, base: 52, threshold: 27, quorumRequired: 30, quorumMet: true, outcome: 'adopted' as const }
const ballot = (subject: MinutesBallot['subject'], extra: Partial<MinutesBallot> = {}): MinutesBallot => ({
  subject,
  rule: { ...defaultBallotRule, quorum: { kind: 'count', count: 30 }, secrecy: 'roll-call' },
  electorate: { entitled: 80, present: 50, represented: 5 },
  result: tally,
  status: 'published',
  openedAt: '2026-12-03T13:00:00.000Z',
  closedAt: '2026-12-03T13:05:00.000Z',
  publishedAt: '2026-12-03T13:06:00.000Z',
  counting: 'electronic',
  electronic: { yes: 40, no: 12, abstain: 3 },
  room: null,
  ...extra,
})
const data: MinutesData = {
  congress: { id: 'c1', title: 'Congrès', edition: 1, organisation: 'Villes Internet', place: 'Nantes', date: '2026-12-03' },
  timeZone: 'Europe/Paris',
  frozen: { at: '2026-12-03T17:30:00.000Z', by: 'Élodie Bézier' },
  asOf: '2026-12-03T17:30:00.000Z',
  bureau: [],
  sittings: [],
  phaseChanges: [],
  texts: [],
  ballots: [
    ballot({ kind: 'proposal', number: null, label: '', block: ['3', '5', '7'], part: null }),
    ballot({ kind: 'amendment', number: null, label: '', block: ['P1-A2', 'P4-A1'], part: null }),
    ballot({ kind: 'proposal', number: 12, label: '', block: null, part: '§ 2, 3' }, { counting: 'mixed', electronic: { yes: 30, no: 10, abstain: 3 }, room: { yes: 10, no: 2, abstain: 0 } }),
    ballot({ kind: 'motion', number: null, label: '', block: null, part: null }, { status: 'closed', publishedAt: null, result: { ...tally, outcome: 'no-quorum', quorumMet: false } }),
  ],
}

describe('the minutes tell every kind of ballot, in French and in English', () => {
  test('blocks, a part counted partly in the room, the motion; the rule whole; times in Paris', () => {
    const text = recordText(buildMinutes(data, 'fr'))
    expect(text).toContain('Scrutin n° 1 — Vote en bloc des propositions 3, 5 et 7')
    expect(text).toContain('Scrutin n° 2 — Vote en bloc des amendements P1-A2 et P4-A1')
    expect(text).toContain('Scrutin n° 3 — Proposition 12, vote par division : § 2, 3')
    expect(text).toContain('Compté sur les téléphones (pour 30, contre 10, abstentions 3) et à main levée en salle (pour 10, contre 2, abstentions 0).')
    expect(text).toContain('Scrutin n° 4 — Motion dans son ensemble')
    expect(text).toContain('Règle : majorité simple des suffrages exprimés, quorum de 30, vote nominal, pouvoirs admis (1 par personne).')
    expect(text).toContain('Inscrits 80, présents 50, représentés 5 ; quorum requis 30 : non atteint.')
    expect(text).toContain('Résultat (non publié) : quorum non atteint.')
    // 13:00 UTC is 14 h 00 in Paris in December.
    expect(text).toContain('Ouvert le 3 décembre 2026, 14 h 00, clos le 3 décembre 2026, 14 h 05, publié le 3 décembre 2026, 14 h 06.')
    expect(text).toContain('La motion a été gelée le 3 décembre 2026, 18 h 30 par Élodie Bézier')
  })

  test('in English', () => {
    const text = recordText(buildMinutes(data, 'en'))
    expect(text).toContain('Ballot 1 — Block vote on proposals 3, 5 and 7')
    expect(text).toContain('Ballot 3 — Proposal 12, vote by division: § 2, 3')
    expect(text).toContain('Ballot 4 — The motion as a whole')
    expect(text).toContain('Rule: simple majority of the votes expressed, a quorum of 30, roll call, proxies allowed (1 per person at most).')
    expect(text).toContain('Opened on 3 December 2026, 14:00')
  })
})
