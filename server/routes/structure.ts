import { Hono } from 'hono'
import type { Context } from 'hono'
import { parseCongressDetails, parseMove, parseTitled, type FieldProblem } from '../../shared/structure-input.ts'
import { AppError } from '../app-error.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { jsonBody, validParams } from '../validate.ts'
import { addProposal, addTheme, updateCongressDetails, updateProposal, updateTheme } from '../services/structure.ts'

function refuse(problems: readonly FieldProblem[]): void {
  const first = problems[0]
  if (first) throw new AppError(400, 'bad_request', `Champ « ${first.field} » : ${first.message}.`)
}

const detailsBody = jsonBody((body) => {
  const { value, problems } = parseCongressDetails(body)
  refuse(problems)
  return value
})
const newThemeBody = jsonBody((body) => {
  const { title, problems } = parseTitled(body, true)
  refuse(problems)
  return title!
})
const themeChangeBody = jsonBody((body) => {
  const { title, problems } = parseTitled(body, false)
  const move = parseMove(body)
  refuse([...problems, ...move.problems])
  return { title, position: move.position }
})
const newProposalBody = jsonBody((body) => {
  const { title, problems } = parseTitled(body, true)
  const move = parseMove(body)
  if (!move.themeId) problems.push({ field: 'themeId', message: 'la question est obligatoire' })
  refuse([...problems, ...move.problems])
  return { title: title!, themeId: move.themeId! }
})
const proposalChangeBody = jsonBody((body) => {
  const { title, problems } = parseTitled(body, false)
  const move = parseMove(body)
  refuse([...problems, ...move.problems])
  return { title, themeId: move.themeId, position: move.position }
})

/** The bureau shapes the congress: its details, questions and proposals (setup and drafting). */
export function structureRoutes(deps: AppDeps) {
  const guard = [validParams, requireSession(deps), authorize(deps, 'structure.edit')] as const
  const actorOf = (c: Context<AppEnv>) => ({ id: c.var.actor.participantId, name: c.var.actor.name })
  const done = (c: Context<AppEnv>) => deps.hub.structureChanged(c.var.actor.congressId)

  return new Hono<AppEnv>()
    .patch('/:id', ...guard, detailsBody, async (c) => {
      await updateCongressDetails(deps.db, c.var.actor.congressId, c.req.valid('json'), actorOf(c), deps.clock())
      done(c)
      return c.json({ ok: true as const })
    })
    .post('/:id/themes', ...guard, newThemeBody, async (c) => {
      const id = await addTheme(deps.db, c.var.actor.congressId, c.req.valid('json'), actorOf(c), deps.clock())
      done(c)
      return c.json({ id }, 201)
    })
    .patch('/:id/themes/:themeId', ...guard, themeChangeBody, async (c) => {
      await updateTheme(deps.db, c.var.actor.congressId, c.req.param('themeId'), c.req.valid('json'), actorOf(c), deps.clock())
      done(c)
      return c.json({ ok: true as const })
    })
    .post('/:id/proposals', ...guard, newProposalBody, async (c) => {
      const { themeId, title } = c.req.valid('json')
      const id = await addProposal(deps.db, c.var.actor.congressId, themeId, title, actorOf(c), deps.clock())
      done(c)
      return c.json({ id }, 201)
    })
    .patch('/:id/proposals/:pid', ...guard, proposalChangeBody, async (c) => {
      await updateProposal(deps.db, c.var.actor.congressId, c.req.param('pid'), c.req.valid('json'), actorOf(c), deps.clock())
      done(c)
      return c.json({ ok: true as const })
    })
}
