import type { DocAddress } from './docs/doc-name.ts'
import type { Role } from './roles.ts'

export interface Actor {
  readonly participantId: string
  readonly congressId: string
  readonly role: Role
}

/**
 * Whether `actor` may change the document at `doc`. The one policy the sync socket asks
 * for every incoming update. For now every participant of the document's congress may write;
 * the roles-and-phases issue fills in the table.
 */
export function canWrite(actor: Actor, doc: DocAddress): boolean {
  return actor.congressId === doc.congressId
}

/** Whether `actor` may open (read) the document at all. */
export function canRead(actor: Actor, doc: DocAddress): boolean {
  return actor.congressId === doc.congressId
}
