import { describe, expect, test } from 'vitest'
import { phaseHelpTopic, topicAllows, topicForbids } from '../../shared/phase/phase-help.ts'
import { isAllowed } from '../../shared/permissions.ts'
import { phases } from '../../shared/phases.ts'
import { roles } from '../../shared/roles.ts'

// The help above each page says who can do what now: it must say what the permissions table enforces.
describe('help per phase', () => {
  for (const phase of phases) {
    for (const role of roles) {
      const topic = phaseHelpTopic(phase, role)
      test(`${phase} × ${role}: ${topic ?? 'no help'}`, () => {
        if (topic === null) {
          // Only someone who may not read the congress now goes without a sentence.
          expect(isAllowed({ role, phase, action: 'congress.read' })).toBe(false)
          return
        }
        // doc.write is about the base texts in drafting (the amendment phase writes amendments only).
        const kind = phase === 'drafting' ? 'proposal' : 'amendment'
        for (const action of topicAllows[topic]) expect(isAllowed({ role, phase, action, kind }), action).toBe(true)
        for (const action of topicForbids[topic] ?? []) expect(isAllowed({ role, phase, action, kind: 'proposal' }), action).toBe(false)
      })
    }
  }
})
