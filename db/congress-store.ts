import type { AmendmentAuthorship } from '../shared/permissions.ts'
import type { Phase } from '../shared/phases.ts'

/**
 * The facts the sync socket's policy needs (the hub caches them, server/congress-hub.ts). The
 * store gives the facts only; who may write what is decided by shared/permissions.ts.
 */
export interface CongressStore {
  /** Undefined for a congress that does not exist. */
  phase(congressId: string): Promise<Phase | undefined>
  /** An amendment document's status, author and co-signers; undefined for a document that is no amendment. */
  amendmentAuthorship(docName: string): Promise<AmendmentAuthorship | undefined>
  /** The documents of a congress that a ballot put to the vote (opened, closed or published): locked. */
  votedDocs(congressId: string): Promise<string[]>
}
