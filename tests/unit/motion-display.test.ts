import { describe, expect, test } from 'vitest'
import { liveDisplay, sealedDisplay } from '../../client/motion-display.ts'
import { amendmentStatuses } from '../../shared/amendments/amendment-status.ts'
import type { AmendmentCounts, MotionView } from '../../shared/api-types.ts'
import type { MotionData, VoteSummary } from '../../shared/motion/motion-data.ts'

const votes: VoteSummary = { yes: 12, no: 3, abstain: 1, expressed: 15, entitled: 20, outcome: 'adopted', publishedAt: '2026-12-03T10:00:00.000Z', room: null, block: null, division: null }
const congress = { id: 'congres-2026', title: 'Congrès', edition: 4, organisation: 'Villes Internet', place: 'Nantes', date: '2026-12-03' }

const merged = { amends: null, mergedAt: '2026-12-02T09:00:00.000Z', votes: null, lines: [], changes: [], justification: '' }

const sealed = {
  format: 'plenum-motion/1',
  congress,
  frozenAt: '2026-12-04T23:30:00.000Z',
  preamble: ['Le congrès,'],
  themes: [
    {
      position: 1,
      title: 'Question une',
      proposals: [
        { number: 1, title: 'Adoptée', paragraphs: ['Oui.'], outcome: 'adopted', votes },
        { number: 2, title: 'Rejetée', paragraphs: ['Non.'], outcome: 'rejected', votes: { ...votes, outcome: 'rejected' } },
      ],
    },
    { position: 2, title: 'Question deux', proposals: [{ number: 3, title: 'Jamais votée', paragraphs: ['x'], outcome: null, votes: null }] },
  ],
  motionVotes: { ...votes, outcome: 'no-quorum' },
  amendmentsMerged: [
    { ...merged, label: 'P1-A1', proposalNumber: 1 },
    { ...merged, label: 'P1-A1-S1', proposalNumber: 1, amends: 'P1-A1' },
    { ...merged, label: 'P1-A2', proposalNumber: 1 },
    { ...merged, label: 'Préambule-A1', proposalNumber: null },
  ],
} satisfies MotionData

describe('what the motion page draws (client/motion-display.ts)', () => {
  test('the sealed motion.json: outcomes, votes, amendments merged into each text (a sub-amendment within its amendment); a motion short of its quorum is not said adopted', () => {
    const display = sealedDisplay(JSON.parse(JSON.stringify(sealed)))!
    expect(display.sealed).toBe(true)
    expect(display.congress).toEqual(congress)
    expect(display.status).toBe('not-voted')
    expect(display.votes).toEqual({ yes: 12, no: 3, abstain: 1, outcome: 'no-quorum' })
    expect(display.preamble).toEqual({ paragraphs: ['Le congrès,'], amendments: { kind: 'merged', count: 1 } })
    const proposals = display.questions.flatMap((q) => q.proposals)
    expect(proposals.map((p) => [p.number, p.status, p.amendments])).toEqual([
      [1, 'adopted', { kind: 'merged', count: 2 }],
      [2, 'rejected', { kind: 'merged', count: 0 }],
      [3, 'not-voted', { kind: 'merged', count: 0 }],
    ])
    expect(proposals[1]!.votes?.outcome).toBe('rejected')
  })

  test('a file that is not the sealed motion this page knows draws nothing, never half of it', () => {
    for (const broken of [
      null,
      [],
      { ...sealed, format: 'plenum-motion/2' },
      { ...sealed, preamble: 'Le congrès' },
      { ...sealed, themes: [{ ...sealed.themes[0], proposals: [{ ...sealed.themes[0]!.proposals[0], outcome: 'maybe' }] }] },
      { ...sealed, themes: [{ ...sealed.themes[0], proposals: [{ ...sealed.themes[0]!.proposals[0], paragraphs: [1] }] }] },
      { ...sealed, motionVotes: { yes: -1, no: 0, abstain: 0, outcome: 'adopted' } },
      { ...sealed, amendmentsMerged: [{ proposalNumber: 'un' }] },
      { ...sealed, congress: { ...congress, edition: '4' } },
    ]) {
      expect(sealedDisplay(broken), JSON.stringify(broken).slice(0, 80)).toBeUndefined()
    }
  })

  test('the live view: every amendment counted, statuses as the server says them', () => {
    const counts = Object.fromEntries(amendmentStatuses.map((s, i) => [s, i])) as AmendmentCounts
    const view: MotionView = {
      ...congress,
      phase: 'voting',
      status: 'under-vote',
      preamble: { docName: 'c/preamble/p', paragraphs: ['P.'], amendments: counts },
      questions: [{ id: 'q1', position: 1, title: 'Q', proposals: [{ id: 'p1', number: 1, title: 'T', status: 'under-vote', docName: 'c/proposal/p1', paragraphs: ['A.'], amendments: counts }] }],
    }
    const display = liveDisplay(view)
    expect(display).toMatchObject({ sealed: false, status: 'under-vote', votes: null, congress })
    expect(display.questions[0]!.proposals[0]).toEqual({ number: 1, title: 'T', status: 'under-vote', votes: null, paragraphs: ['A.'], amendments: { kind: 'all', counts } })
  })
})
