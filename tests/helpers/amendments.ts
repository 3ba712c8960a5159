import * as Y from 'yjs'
import type { AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import { forkPoint } from '../../shared/amendments/fork.ts'
import { formatDocName } from '../../shared/docs/doc-name.ts'
import type { TestServer } from './test-server.ts'

let counter = 0

/**
 * An amendment put straight into the database in any status, as filing would have made it: for
 * tests that need one in a given state without walking it through the phases.
 */
export async function insertAmendment(plenum: TestServer, options: { authorId: string; status: AmendmentStatus; proposalIndex?: number }): Promise<{ id: string; docName: string }> {
  const congressId = plenum.seed.congressId
  const proposal = plenum.seed.proposals[options.proposalIndex ?? 0]!
  const stored = (await plenum.log.load(proposal.docName))!
  const state = Y.mergeUpdates([stored.state, ...stored.updates])
  counter += 1
  const id = `fixture${counter}x${Date.now().toString(36)}`
  const docName = formatDocName({ congressId, kind: 'amendment', id })
  const now = Date.now()
  const db = plenum.database.db
  const last = await db.selectFrom('amendments').select((eb) => eb.fn.max('number').as('max')).where('target_doc', '=', proposal.docName).executeTakeFirst()
  await db.insertInto('documents').values({ name: docName, congress_id: congressId, kind: 'amendment', state, updated_at: now }).execute()
  await db
    .insertInto('amendments')
    .values({
      id,
      congress_id: congressId,
      proposal_id: proposal.id,
      target_doc: proposal.docName,
      number: (last?.max ?? 0) + 1,
      doc_name: docName,
      author_id: options.authorId,
      justification: '',
      status: options.status,
      fork_vector: forkPoint(state),
      created_at: now,
      updated_at: now,
    })
    .execute()
  return { id, docName }
}
