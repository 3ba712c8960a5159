import type { BallotSubjectView } from '../../shared/api-types.ts'
import type { PublishEffect } from '../i18n/fr-ballots.ts'

/** What publishing this ballot's results does, by its subject's real kind (not always an amendment). */
export function publishEffect(subject: BallotSubjectView): PublishEffect {
  if (subject.part) return { kind: 'part' }
  if (subject.block) return subject.kind === 'amendment' ? { kind: 'amendments', count: subject.block.length } : { kind: 'proposals', count: subject.block.length }
  return { kind: subject.kind }
}
