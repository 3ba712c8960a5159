import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { demoCongress } from '../../shared/demo/demo-congress.ts'
import { formatDocName, preambleDocId } from '../../shared/docs/doc-name.ts'
import { createDocState, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { hashAccessCode, newAccessCode, newId, newRoomCode } from '../ids.ts'
import { appendAudit } from './audit.ts'

export interface DemoSeed {
  readonly congressId: string
  readonly bureauCode: string
  readonly proposals: readonly { readonly id: string; readonly number: number; readonly docName: string }[]
}

/** Creates the demo congress (preamble, 4 themes, 29 proposals, one bureau member) in one transaction. */
export async function seedDemo(db: Kysely<Database>, now: number): Promise<DemoSeed> {
  const demo = demoCongress
  const congressId = newId()
  const bureauCode = newAccessCode()
  const preambleDoc = formatDocName({ congressId, kind: 'preamble', id: preambleDocId })
  const proposals: { id: string; number: number; docName: string }[] = []

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('congresses')
      .values({
        id: congressId,
        title: demo.title,
        edition: demo.edition,
        organisation: demo.organisation,
        place: demo.place,
        date: demo.date,
        preamble_doc: preambleDoc,
        // The demo opens on drafting, so a newcomer can co-edit at once.
        phase: 'drafting',
        room_code: newRoomCode(),
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('documents')
      .values({ name: preambleDoc, congress_id: congressId, kind: 'preamble', state: createDocState(paragraphsToContent(demo.preamble)), updated_at: now })
      .execute()

    let number = 0
    for (const [index, theme] of demo.themes.entries()) {
      const themeId = newId()
      await trx.insertInto('themes').values({ id: themeId, congress_id: congressId, title: theme.title, position: index + 1 }).execute()
      for (const proposal of theme.proposals) {
        number += 1
        const id = newId()
        const docName = formatDocName({ congressId, kind: 'proposal', id })
        await trx
          .insertInto('documents')
          .values({ name: docName, congress_id: congressId, kind: 'proposal', state: createDocState(paragraphsToContent(proposal.paragraphs)), updated_at: now })
          .execute()
        await trx
          .insertInto('proposals')
          .values({ id, congress_id: congressId, theme_id: themeId, number, title: proposal.title, doc_name: docName })
          .execute()
        proposals.push({ id, number, docName })
      }
    }

    await trx
      .insertInto('participants')
      .values({
        id: newId(),
        congress_id: congressId,
        name: `Bureau de ${demo.organisation}`,
        organisation: demo.organisation,
        email: null,
        role: 'bureau',
        access_code_hash: hashAccessCode(bureauCode),
        created_at: now,
      })
      .execute()
    await appendAudit(trx, { congressId, actor: null, action: 'congress.created', payload: { title: demo.title, demo: true, proposals: proposals.length } }, now)
  })

  return { congressId, bureauCode, proposals }
}
