import { Hono } from 'hono'
import { parseCongressDetails, parseNewProposal, parseNewTheme, parseProposalChange, parseThemeChange } from '../../shared/structure-input.ts'
import { requireSession } from '../auth/require-session.ts'
import { addProposal } from '../commands/congress/add-proposal.ts'
import { addTheme } from '../commands/congress/add-theme.ts'
import { updateCongressDetails } from '../commands/congress/update-congress-details.ts'
import { updateProposal } from '../commands/congress/update-proposal.ts'
import { updateTheme } from '../commands/congress/update-theme.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { jsonBody, valid, validParams } from '../validate.ts'

const detailsBody = jsonBody((body) => valid(parseCongressDetails(body)))
const newThemeBody = jsonBody((body) => valid(parseNewTheme(body)))
const themeChangeBody = jsonBody((body) => valid(parseThemeChange(body)))
const newProposalBody = jsonBody((body) => valid(parseNewProposal(body)))
const proposalChangeBody = jsonBody((body) => valid(parseProposalChange(body)))

/** The bureau shapes the congress: its details, questions and proposals (setup and drafting). */
export function structureRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .patch('/:id', ...session, detailsBody, async (c) => respond(c, await updateCongressDetails(deps, c.var.actor, { congressId: c.req.param('id'), details: c.req.valid('json') })))
    .post('/:id/themes', ...session, newThemeBody, async (c) => respond(c, await addTheme(deps, c.var.actor, { congressId: c.req.param('id'), ...c.req.valid('json') }), 201))
    .patch('/:id/themes/:themeId', ...session, themeChangeBody, async (c) =>
      respond(c, await updateTheme(deps, c.var.actor, { congressId: c.req.param('id'), themeId: c.req.param('themeId'), change: c.req.valid('json') })),
    )
    .post('/:id/proposals', ...session, newProposalBody, async (c) => respond(c, await addProposal(deps, c.var.actor, { congressId: c.req.param('id'), ...c.req.valid('json') }), 201))
    .patch('/:id/proposals/:pid', ...session, proposalChangeBody, async (c) =>
      respond(c, await updateProposal(deps, c.var.actor, { congressId: c.req.param('id'), proposalId: c.req.param('pid'), change: c.req.valid('json') })),
    )
}
