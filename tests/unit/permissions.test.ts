import { describe, expect, test } from 'vitest'
import { actions, isAllowed, readOnlyReason } from '../../shared/permissions.ts'
import { checkPhaseChange, phases, type Phase } from '../../shared/phases.ts'
import { roles } from '../../shared/roles.ts'

describe('permissions table defaults', () => {
  test.each(roles.flatMap((role) => phases.flatMap((phase) => (['preamble', 'proposal'] as const).map((kind) => [role, phase, kind] as const))))(
    '%s writes a %s in %s only if a delegate or the bureau, in drafting',
    (role, phase, kind) => {
      const expected = (role === 'delegate' || role === 'bureau') && phase === 'drafting'
      expect(isAllowed({ role, phase, action: 'doc.write', kind })).toBe(expected)
    },
  )

  test('attendees and advisors never write a document', () => {
    for (const role of ['attendee', 'advisor'] as const)
      for (const phase of phases)
        for (const kind of ['preamble', 'proposal', 'amendment'] as const) expect(isAllowed({ role, phase, action: 'doc.write', kind })).toBe(false)
  })

  test('the bureau alone changes the structure, the phase and the participants', () => {
    for (const action of ['structure.edit', 'phase.change', 'participants.manage', 'audit.read'] as const) {
      for (const role of roles) {
        const somewhere = phases.some((phase) => isAllowed({ role, phase, action }))
        expect(somewhere, `${role} ${action}`).toBe(role === 'bureau')
      }
    }
  })

  test('advisors read the motion once it is frozen, not before', () => {
    for (const phase of phases) {
      const sealed = phase === 'frozen' || phase === 'delivered'
      expect(isAllowed({ role: 'advisor', phase, action: 'congress.read' })).toBe(sealed)
      expect(isAllowed({ role: 'advisor', phase, action: 'doc.read', kind: 'proposal' })).toBe(sealed)
    }
  })

  test('every action is granted to someone in some phase', () => {
    for (const action of actions) expect(roles.some((role) => phases.some((phase) => isAllowed({ role, phase, action, kind: 'proposal' })))).toBe(true)
  })

  test('a read-only reason says whether the phase or the role forbids it', () => {
    expect(readOnlyReason('delegate', 'amendments', 'proposal')).toBe('phase')
    expect(readOnlyReason('attendee', 'drafting', 'proposal')).toBe('role')
    expect(readOnlyReason('bureau', 'drafting', 'proposal')).toBeUndefined()
  })
})

describe('phase changes', () => {
  const cases: [Phase, Phase, ReturnType<typeof checkPhaseChange>][] = [
    ['setup', 'drafting', undefined],
    ['drafting', 'amendments', undefined],
    ['amendments', 'drafting', undefined],
    ['voting', 'setup', undefined],
    ['drafting', 'drafting', 'same_phase'],
    ['voting', 'frozen', 'one_way'],
    ['amendments', 'delivered', 'one_way'],
    ['frozen', 'voting', 'sealed'],
    ['delivered', 'drafting', 'sealed'],
  ]
  test.each(cases)('%s → %s: %s', (from, to, refusal) => {
    expect(checkPhaseChange(from, to)).toBe(refusal)
  })
})
