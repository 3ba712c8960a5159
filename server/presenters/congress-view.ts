import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { CongressView } from '../../shared/api-types.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { congressIdentity, loadCongress } from '../commands/congress/congress-rows.ts'

/** The congress as every participant sees it: details, phase, questions, proposals and amendment counts. */
export function presentCongress(deps: CommandDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return readCongressView(deps.db, input.congressId)
  })
}

export async function readCongressView(db: Kysely<Database>, id: string): Promise<CongressView> {
  const congress = await loadCongress(db, id)
  const [themes, proposals, counts] = await Promise.all([
    db.selectFrom('themes').select(['id', 'title', 'position']).where('congress_id', '=', id).orderBy('position').execute(),
    db.selectFrom('proposals').select(['id', 'number', 'title', 'theme_id', 'doc_name', 'outcome']).where('congress_id', '=', id).orderBy('number').execute(),
    db
      .selectFrom('amendments')
      .select((eb) => ['target_doc', eb.fn.countAll<number>().as('count')])
      .where('congress_id', '=', id)
      .where('status', '!=', 'withdrawn')
      .groupBy('target_doc')
      .execute(),
  ])
  const amendmentCount = new Map(counts.map((c) => [c.target_doc, Number(c.count)]))
  return {
    ...congressIdentity(congress),
    preambleDocName: congress.preamble_doc,
    preambleAmendmentCount: amendmentCount.get(congress.preamble_doc) ?? 0,
    phase: congress.phase,
    minCosigners: congress.min_cosigners,
    timeZone: congress.time_zone,
    motionOutcome: congress.motion_outcome,
    themes,
    proposals: proposals.map((p) => ({ id: p.id, number: p.number, title: p.title, themeId: p.theme_id, docName: p.doc_name, amendmentCount: amendmentCount.get(p.doc_name) ?? 0, outcome: p.outcome })),
  }
}
