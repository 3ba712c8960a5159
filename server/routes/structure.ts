import { Hono } from 'hono'
import type { Context } from 'hono'
import { parseCongressDetails, parseMove, parseTitled, type FieldProblem } from '../../shared/structure-input.ts'
import { AppError } from '../app-error.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { readJsonObject } from '../request-body.ts'
import { addProposal, addTheme, updateCongressDetails, updateProposal, updateTheme } from '../services/structure.ts'

function refuse(problems: readonly FieldProblem[]): void {
  const first = problems[0]
  if (first) throw new AppError(400, 'bad_request', `Champ « ${first.field} » : ${first.message}.`)
}

/** The bureau shapes the congress: its details, questions and proposals (setup and drafting). */
export function structureRoutes(deps: AppDeps) {
  const guard = [requireSession(deps), authorize(deps, 'structure.edit')] as const
  const actorOf = (c: Context<AppEnv>) => ({ id: c.var.actor.participantId, name: c.var.actor.name })
  const done = (c: Context<AppEnv>) => deps.hub.structureChanged(c.var.actor.congressId)

  return new Hono<AppEnv>()
    .patch('/:id', ...guard, async (c) => {
      const { value, problems } = parseCongressDetails(await readJsonObject(c))
      refuse(problems)
      await updateCongressDetails(deps.db, c.var.actor.congressId, value, actorOf(c), deps.clock())
      done(c)
      return c.json({ ok: true as const })
    })
    .post('/:id/themes', ...guard, async (c) => {
      const { title, problems } = parseTitled(await readJsonObject(c), true)
      refuse(problems)
      const id = await addTheme(deps.db, c.var.actor.congressId, title!, actorOf(c), deps.clock())
      done(c)
      return c.json({ id }, 201)
    })
    .patch('/:id/themes/:themeId', ...guard, async (c) => {
      const body = await readJsonObject(c)
      const { title, problems } = parseTitled(body, false)
      const move = parseMove(body)
      refuse([...problems, ...move.problems])
      await updateTheme(deps.db, c.var.actor.congressId, c.req.param('themeId'), { title, position: move.position }, actorOf(c), deps.clock())
      done(c)
      return c.json({ ok: true as const })
    })
    .post('/:id/proposals', ...guard, async (c) => {
      const body = await readJsonObject(c)
      const { title, problems } = parseTitled(body, true)
      const move = parseMove(body)
      if (!move.themeId) problems.push({ field: 'themeId', message: 'la question est obligatoire' })
      refuse([...problems, ...move.problems])
      const id = await addProposal(deps.db, c.var.actor.congressId, move.themeId!, title!, actorOf(c), deps.clock())
      done(c)
      return c.json({ id }, 201)
    })
    .patch('/:id/proposals/:pid', ...guard, async (c) => {
      const body = await readJsonObject(c)
      const { title, problems } = parseTitled(body, false)
      const move = parseMove(body)
      refuse([...problems, ...move.problems])
      await updateProposal(deps.db, c.var.actor.congressId, c.req.param('pid'), { title, themeId: move.themeId, position: move.position }, actorOf(c), deps.clock())
      done(c)
      return c.json({ ok: true as const })
    })
}
