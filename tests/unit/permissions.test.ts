import { describe, expect, test } from 'vitest'
import { amendmentStatuses } from '../../shared/amendments/amendment-status.ts'
import { actions, amendmentEditors, amendmentReadOnlyReason, canEditAmendment, isAllowed, readOnlyReason, writeRefusal, type AmendmentAuthorship } from '../../shared/permissions.ts'
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

describe('who edits an amendment (the one rule the socket, the commands and the client ask)', () => {
  const congressId = 'c1'
  const author = { participantId: 'author', congressId, role: 'delegate' } as const
  const accepted = { participantId: 'accepted', congressId, role: 'delegate' } as const
  const pending = { participantId: 'pending', congressId, role: 'delegate' } as const
  const bureau = { participantId: 'bureau', congressId, role: 'bureau' } as const
  const amendment = (status: AmendmentAuthorship['status']): AmendmentAuthorship => ({
    status,
    author: { id: 'author' },
    cosigners: [
      { id: 'accepted', accepted: true },
      { id: 'pending', accepted: false },
    ],
  })

  test('its editors are its author and the co-signers the author accepted', () => {
    expect(amendmentEditors(amendment('draft'))).toEqual(['author', 'accepted'])
  })

  test('they edit it while it is a draft or submitted, in the amendment phase only', () => {
    for (const status of amendmentStatuses) {
      for (const actor of [author, accepted]) {
        expect(canEditAmendment(actor, 'amendments', amendment(status)), `${actor.participantId} ${status}`).toBe(status === 'draft' || status === 'submitted')
        expect(canEditAmendment(actor, 'voting', amendment(status))).toBe(false)
      }
    }
  })

  test('anyone else reads it, told why', () => {
    expect(amendmentReadOnlyReason(pending, 'amendments', amendment('draft'))).toBe('author')
    expect(amendmentReadOnlyReason(bureau, 'amendments', amendment('draft'))).toBe('author')
    expect(amendmentReadOnlyReason(author, 'amendments', amendment('admissible'))).toBe('closed')
    expect(amendmentReadOnlyReason(author, 'drafting', amendment('draft'))).toBe('phase')
    expect(amendmentReadOnlyReason({ ...author, role: 'attendee' }, 'amendments', amendment('draft'))).toBe('role')
  })

  test('the socket’s writeRefusal is the same rule; an amendment whose authorship is unknown is closed', () => {
    const doc = { congressId, kind: 'amendment', id: 'a1' } as const
    expect(writeRefusal(accepted, doc, 'amendments', amendment('submitted'))).toBeUndefined()
    expect(writeRefusal(pending, doc, 'amendments', amendment('submitted'))).toBe('author')
    expect(writeRefusal(author, doc, 'amendments')).toBe('closed')
    expect(writeRefusal({ ...author, congressId: 'other' }, doc, 'amendments', amendment('draft'))).toBe('role')
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
