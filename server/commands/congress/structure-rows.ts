import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { votedPlaceChangesFr } from '../../../shared/ballots/voted-place-fr.ts'
import { fail } from '../../domain-error.ts'
import { votedPlaceChanges } from '../../services/voted-texts.ts'

// What the structure commands (details, questions, proposals) share: reading the order, moving,
// renumbering, and the check against what ballots put to the vote.

export async function themeIds(trx: Kysely<Database>, congressId: string): Promise<string[]> {
  return (await trx.selectFrom('themes').select('id').where('congress_id', '=', congressId).orderBy('position').execute()).map((t) => t.id)
}

export async function requireTheme(trx: Kysely<Database>, congressId: string, themeId: string): Promise<void> {
  const theme = await trx.selectFrom('themes').select('id').where('id', '=', themeId).where('congress_id', '=', congressId).executeTakeFirst()
  if (!theme) throw fail('theme_not_found', { themeId }, 'Cette question n’existe pas.')
}

/** Moves `id` to `position` (from 1) in `ids`; a position past the end means last. */
export function moveTo<T>(ids: readonly T[], id: T, position: number): T[] {
  const rest = ids.filter((x) => x !== id)
  rest.splice(Math.max(0, Math.min(rest.length, position - 1)), 0, id)
  return rest
}

/**
 * Numbers the proposals 1..n in the order of their questions, then of their place within each:
 * the motion reads P1 to Pn top to bottom. `order` lists proposal ids in their new order per theme.
 */
export async function renumber(trx: Kysely<Database>, congressId: string, order?: Map<string, string[]>): Promise<void> {
  const themes = await themeIds(trx, congressId)
  const proposals = await trx.selectFrom('proposals').select(['id', 'theme_id']).where('congress_id', '=', congressId).orderBy('number').execute()
  const sequence = themes.flatMap((themeId) => order?.get(themeId) ?? proposals.filter((p) => p.theme_id === themeId).map((p) => p.id))
  // Out of the way first: the unique (congress, number) index is checked row by row.
  await trx.updateTable('proposals').set((eb) => ({ number: eb('number', '+', 1_000_000) })).where('congress_id', '=', congressId).execute()
  for (const [index, id] of sequence.entries()) await trx.updateTable('proposals').set({ number: index + 1 }).where('id', '=', id).execute()
}

/**
 * Inside a structure change's transaction, after the change: refuses it (the transaction rolls
 * back) if it altered the place of anything put to the vote — a voted proposal's title, number or
 * question, or once the motion was put to the vote anything its seal prints around the texts.
 */
export async function requireVotedStructureKept(trx: Kysely<Database>, congressId: string): Promise<void> {
  const places = await votedPlaceChanges(trx, congressId)
  if (places.length === 0) return
  throw fail(
    'structure_voted',
    { places },
    `Ce changement toucherait ce qui a été mis aux voix (${votedPlaceChangesFr(places)}). Ce qu’un scrutin a soumis au vote garde son texte, son titre, son numéro et sa place dans la motion ; rien n’a été modifié.`,
  )
}
