import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { formatDocName } from '../../shared/docs/doc-name.ts'
import { createDocState, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import type { CongressDetailsInput } from '../../shared/structure-input.ts'
import { AppError } from '../app-error.ts'
import { newId } from '../ids.ts'
import { appendAudit } from './audit.ts'
import { requireVotedPlacesKept } from './voted-texts.ts'
import type { AuditActor } from './participants.ts'

/*
 * Every change below is made, then checked against what ballots put to the vote
 * (requireVotedPlacesKept): one that would alter a voted proposal's title, number or question, or
 * once the motion was put to the vote anything its seal prints around the texts, is refused with
 * 409 text_voted and its transaction rolls back.
 */

/** The congress's title, edition, date and place. */
export async function updateCongressDetails(db: Kysely<Database>, congressId: string, input: CongressDetailsInput, actor: AuditActor, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { minCosigners, ...details } = input
    const columns = minCosigners === undefined ? details : { ...details, min_cosigners: minCosigners }
    const result = await trx.updateTable('congresses').set(columns).where('id', '=', congressId).executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw new AppError(404, 'not_found', 'Ce congrès n’existe pas.')
    await requireVotedPlacesKept(trx, congressId)
    await appendAudit(trx, { congressId, actor, action: 'congress.updated', payload: { ...input } }, now)
  })
}

async function themeIds(trx: Transaction<Database>, congressId: string): Promise<string[]> {
  return (await trx.selectFrom('themes').select('id').where('congress_id', '=', congressId).orderBy('position').execute()).map((t) => t.id)
}

async function requireTheme(trx: Transaction<Database>, congressId: string, themeId: string): Promise<void> {
  const theme = await trx.selectFrom('themes').select('id').where('id', '=', themeId).where('congress_id', '=', congressId).executeTakeFirst()
  if (!theme) throw new AppError(404, 'not_found', 'Cette question n’existe pas.')
}

/** Moves `id` to `position` (from 1) in `ids`; a position past the end means last. */
function moveTo<T>(ids: T[], id: T, position: number): T[] {
  const rest = ids.filter((x) => x !== id)
  rest.splice(Math.max(0, Math.min(rest.length, position - 1)), 0, id)
  return rest
}

/**
 * Numbers the proposals 1..n in the order of their questions, then of their place within each:
 * the motion reads P1 to Pn top to bottom. `order` lists proposal ids in their new order per theme.
 */
async function renumber(trx: Transaction<Database>, congressId: string, order?: Map<string, string[]>): Promise<void> {
  const themes = await themeIds(trx, congressId)
  const proposals = await trx.selectFrom('proposals').select(['id', 'theme_id']).where('congress_id', '=', congressId).orderBy('number').execute()
  const sequence = themes.flatMap((themeId) => order?.get(themeId) ?? proposals.filter((p) => p.theme_id === themeId).map((p) => p.id))
  // Out of the way first: the unique (congress, number) index is checked row by row.
  await trx.updateTable('proposals').set((eb) => ({ number: eb('number', '+', 1_000_000) })).where('congress_id', '=', congressId).execute()
  for (const [index, id] of sequence.entries()) await trx.updateTable('proposals').set({ number: index + 1 }).where('id', '=', id).execute()
}

export async function addTheme(db: Kysely<Database>, congressId: string, title: string, actor: AuditActor, now: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const id = newId()
    const position = (await themeIds(trx, congressId)).length + 1
    await trx.insertInto('themes').values({ id, congress_id: congressId, title, position }).execute()
    await requireVotedPlacesKept(trx, congressId)
    await appendAudit(trx, { congressId, actor, action: 'theme.added', payload: { themeId: id, title, position } }, now)
    return id
  })
}

export async function updateTheme(
  db: Kysely<Database>,
  congressId: string,
  themeId: string,
  change: { title?: string; position?: number },
  actor: AuditActor,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireTheme(trx, congressId, themeId)
    if (change.title !== undefined) await trx.updateTable('themes').set({ title: change.title }).where('id', '=', themeId).execute()
    if (change.position !== undefined) {
      const ordered = moveTo(await themeIds(trx, congressId), themeId, change.position)
      for (const [index, id] of ordered.entries()) await trx.updateTable('themes').set({ position: index + 1 }).where('id', '=', id).execute()
      await renumber(trx, congressId)
    }
    await requireVotedPlacesKept(trx, congressId)
    await appendAudit(trx, { congressId, actor, action: 'theme.updated', payload: { themeId, ...change } }, now)
  })
}

export async function addProposal(db: Kysely<Database>, congressId: string, themeId: string, title: string, actor: AuditActor, now: number): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await requireTheme(trx, congressId, themeId)
    const id = newId()
    const docName = formatDocName({ congressId, kind: 'proposal', id })
    const last = await trx.selectFrom('proposals').select((eb) => eb.fn.max('number').as('max')).where('congress_id', '=', congressId).executeTakeFirst()
    await trx.insertInto('documents').values({ name: docName, congress_id: congressId, kind: 'proposal', state: createDocState(paragraphsToContent([''])), updated_at: now }).execute()
    await trx.insertInto('proposals').values({ id, congress_id: congressId, theme_id: themeId, number: (last?.max ?? 0) + 1, title, doc_name: docName }).execute()
    await renumber(trx, congressId)
    await requireVotedPlacesKept(trx, congressId)
    await appendAudit(trx, { congressId, actor, action: 'proposal.added', payload: { proposalId: id, themeId, title } }, now)
    return id
  })
}

export async function updateProposal(
  db: Kysely<Database>,
  congressId: string,
  proposalId: string,
  change: { title?: string; themeId?: string; position?: number },
  actor: AuditActor,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom('proposals').select(['id', 'theme_id']).where('id', '=', proposalId).where('congress_id', '=', congressId).executeTakeFirst()
    if (!proposal) throw new AppError(404, 'not_found', 'Cette proposition n’existe pas.')
    if (change.title !== undefined) await trx.updateTable('proposals').set({ title: change.title }).where('id', '=', proposalId).execute()
    if (change.themeId !== undefined || change.position !== undefined) {
      const themeId = change.themeId ?? proposal.theme_id
      await requireTheme(trx, congressId, themeId)
      const siblings = (await trx.selectFrom('proposals').select('id').where('theme_id', '=', themeId).where('id', '!=', proposalId).orderBy('number').execute()).map((p) => p.id)
      const ordered = moveTo([...siblings, proposalId], proposalId, change.position ?? siblings.length + 1)
      await trx.updateTable('proposals').set({ theme_id: themeId }).where('id', '=', proposalId).execute()
      await renumber(trx, congressId, new Map([[themeId, ordered]]))
    }
    await requireVotedPlacesKept(trx, congressId)
    await appendAudit(trx, { congressId, actor, action: 'proposal.updated', payload: { proposalId, ...change } }, now)
  })
}
