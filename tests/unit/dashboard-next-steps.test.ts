import { describe, expect, test } from 'vitest'
import type { DashboardView } from '../../shared/dashboard/dashboard-view.ts'
import { nextSteps } from '../../shared/dashboard/next-steps.ts'

const none = { attendee: 0, delegate: 0, bureau: 0 }
const view = (over: Partial<DashboardView>): DashboardView => ({
  phase: 'voting',
  proposalsNotVoted: [],
  amendmentsPending: [],
  ballots: [],
  present: none,
  entitled: none,
  proxies: 0,
  online: { ...none, advisor: 0 },
  lastMove: null,
  ...over,
})
const subject = { kind: 'proposal', proposalNumber: 1, amendmentLabel: null } as const

describe('the dashboard’s next steps', () => {
  test('open ballots first, then results to publish, rulings, merges, then what is left to vote', () => {
    const steps = nextSteps(
      view({
        ballots: [
          { id: 'b1', status: 'closed', subject, voted: 3, rights: 4 },
          { id: 'b2', status: 'open', subject, voted: 1, rights: 4 },
        ],
        amendmentsPending: [
          { id: 'a1', label: 'P1-A1', status: 'submitted' },
          { id: 'a2', label: 'P1-A2', status: 'submitted' },
          { id: 'a3', label: 'P2-A1', status: 'adopted' },
          { id: 'a4', label: 'P3-A1', status: 'admissible' },
        ],
        proposalsNotVoted: [{ id: 'p1', number: 1, title: 'Un' }],
      }),
    )
    expect(steps.map((s) => s.kind)).toEqual(['close', 'publish', 'rule', 'merge', 'vote-amendments', 'vote-proposals'])
    expect(steps[2]).toEqual({ kind: 'rule', count: 2, amendmentId: 'a1' })
  })

  test('the phases move on when nothing holds them; amendments awaiting a ruling hold the amendment phase', () => {
    expect(nextSteps(view({ phase: 'setup' }))).toEqual([{ kind: 'move', to: 'drafting' }])
    expect(nextSteps(view({ phase: 'drafting' }))).toEqual([{ kind: 'move', to: 'amendments' }])
    expect(nextSteps(view({ phase: 'amendments' }))).toEqual([{ kind: 'move', to: 'voting' }])
    const held = nextSteps(view({ phase: 'amendments', amendmentsPending: [{ id: 'a1', label: 'P1-A1', status: 'submitted' }] }))
    expect(held.map((s) => s.kind)).toEqual(['rule'])
  })

  test('voting done: freeze; frozen: deliver; delivered: nothing left', () => {
    expect(nextSteps(view({ phase: 'voting' }))).toEqual([{ kind: 'freeze' }])
    expect(nextSteps(view({ phase: 'frozen' }))).toEqual([{ kind: 'deliver' }])
    expect(nextSteps(view({ phase: 'delivered' }))).toEqual([])
  })
})
