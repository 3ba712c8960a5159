import { Hono } from 'hono'
import { validator } from 'hono/validator'
import type { Parsed } from '../../shared/parsed.ts'
import { parseParticipantsCsv, parseParticipantsJson, type ParticipantRows } from '../../shared/participants/participant-rows.ts'
import { parseAccessSheet } from '../../shared/requests/congress-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { importParticipants, invalidRows } from '../commands/participants/import-participants.ts'
import { applyReimport, previewReimport } from '../commands/participants/reimport-participants.ts'
import { reissueCode } from '../commands/participants/reissue-code.ts'
import { revokeCode } from '../commands/participants/revoke-code.ts'
import { fail } from '../domain-error.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { presentAccessSheet } from '../presenters/access-sheet.ts'
import { presentParticipants } from '../presenters/participants-list.ts'
import { publicBase } from '../public-url.ts'
import { jsonBody, valid, validParams } from '../validate.ts'

/** A list of people, as a CSV file (the template) or a JSON array; every bad row is named at once. */
const participantRows = validator('json', async (json: unknown, c): Promise<ParticipantRows> => {
  const type = c.req.header('content-type') ?? ''
  let rows: Parsed<ParticipantRows>
  if (type.includes('json')) rows = parseParticipantsJson(json)
  else if (type.startsWith('text/csv') || type.startsWith('text/plain')) rows = parseParticipantsCsv(await c.req.text())
  else throw fail('participants_format', { contentType: type }, 'Envoyez un fichier CSV (text/csv) ou un tableau JSON (application/json).')
  if (!rows.ok) throw invalidRows(rows.problems)
  return rows.value
})

/**
 * The fingerprint of the preview being applied (`?expect=`). Any other value, or none, is a plan
 * that was not shown: the command refuses it (409) once it has authorized, as for a stale one.
 */
const expectQuery = validator('query', (query): { expect: string } => ({ expect: typeof query.expect === 'string' ? query.expect : '' }))

const sheetBody = jsonBody((body) => valid(parseAccessSheet(body)))

/**
 * `/api/congresses/:id/participants`. Codes appear in the answers to an import and a reissue,
 * and nowhere else: the list never has them, and the access sheet is printed from the codes the
 * bureau sends back right after (POST, in the body), checked against their hashes.
 */
export function participantRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/', ...session, async (c) => respond(c, await presentParticipants(deps, c.var.actor, { congressId: c.req.param('id') ?? '' })))
    .post('/', ...session, participantRows, async (c) => respond(c, await importParticipants(deps, c.var.actor, { congressId: c.req.param('id') ?? '', participants: c.req.valid('json') }), 201))
    .post('/reimport/preview', ...session, participantRows, async (c) => respond(c, await previewReimport(deps, c.var.actor, { congressId: c.req.param('id') ?? '', file: c.req.valid('json') })))
    .post('/reimport', ...session, expectQuery, participantRows, async (c) =>
      respond(c, await applyReimport(deps, c.var.actor, { congressId: c.req.param('id') ?? '', file: c.req.valid('json'), expect: c.req.valid('query').expect })),
    )
    .post('/sheet.pdf', ...session, sheetBody, async (c) => {
      const pdf = await presentAccessSheet(deps, c.var.actor, { congressId: c.req.param('id') ?? '', baseUrl: publicBase(c.req.url), ...c.req.valid('json') })
      if (!pdf.ok) throw pdf.error
      return c.body(pdf.value, 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="codes-acces.pdf"',
        'cache-control': 'no-store',
      })
    })
    .post('/:pid/revoke', ...session, async (c) => respond(c, await revokeCode(deps, c.var.actor, { congressId: c.req.param('id') ?? '', participantId: c.req.param('pid') })))
    .post('/:pid/reissue', ...session, async (c) => respond(c, await reissueCode(deps, c.var.actor, { congressId: c.req.param('id') ?? '', participantId: c.req.param('pid') })))
}
