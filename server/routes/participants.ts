import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { parseParticipantsCsv, parseParticipantsJson } from '../../shared/participants/participant-rows.ts'
import { AppError } from '../app-error.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { accessSheetPdf, joinLink, joinQrSvg } from '../services/access-sheet.ts'
import { getCongress } from '../services/congresses.ts'
import { publicBase } from '../public-url.ts'
import { validParams } from '../validate.ts'
import { getParticipant, importParticipants, invalidRows, listParticipants, reissueCode, revokeCode } from '../services/participants.ts'

/** A list of people, as a CSV file (the template) or a JSON array; every bad row is named at once. */
const participantRows = validator('json', async (json, c) => {
  const type = c.req.header('content-type') ?? ''
  let parsed
  if (type.includes('json')) parsed = parseParticipantsJson(json)
  else if (type.startsWith('text/csv') || type.startsWith('text/plain')) parsed = parseParticipantsCsv(await c.req.text())
  else throw new AppError(400, 'bad_request', 'Envoyez un fichier CSV (text/csv) ou un tableau JSON (application/json).')
  if (!parsed.ok) throw invalidRows(parsed.errors)
  return parsed
})

export function participantRoutes(deps: AppDeps) {
  const guard = [validParams, requireSession(deps), authorize(deps, 'participants.manage')] as const
  return new Hono<AppEnv>()
    .get('/', ...guard, async (c) => c.json({ participants: await listParticipants(deps.db, c.var.actor.congressId) }))
    .post('/', ...guard, participantRows, async (c) => {
      const parsed = c.req.valid('json')
      const { actor } = c.var
      const participants = await importParticipants(deps.db, actor.congressId, parsed.rows, { id: actor.participantId, name: actor.name }, deps.clock(), parsed.lines)
      return c.json({ participants }, 201)
    })
    .get('/sheet.pdf', ...guard, async (c) => {
      const congressId = c.var.actor.congressId
      const [congress, participants] = await Promise.all([getCongress(deps.db, congressId), listParticipants(deps.db, congressId)])
      const pdf = await accessSheetPdf(congress.title, participants.filter((p) => !p.revoked), publicBase(c.req.url))
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="codes-acces.pdf"',
      })
    })
    .get('/:pid/qr.svg', ...guard, async (c) => {
      const participant = await getParticipant(deps.db, c.var.actor.congressId, c.req.param('pid'))
      return c.body(await joinQrSvg(joinLink(publicBase(c.req.url), participant.code)), 200, { 'content-type': 'image/svg+xml' })
    })
    .post('/:pid/revoke', ...guard, async (c) => {
      const { actor } = c.var
      const participant = await revokeCode(deps.db, actor.congressId, c.req.param('pid'), { id: actor.participantId, name: actor.name }, deps.clock())
      deps.hub.participantRevoked(actor.congressId, participant.id)
      return c.json({ participant })
    })
    .post('/:pid/reissue', ...guard, async (c) => {
      const { actor } = c.var
      const participant = await reissueCode(deps.db, actor.congressId, c.req.param('pid'), { id: actor.participantId, name: actor.name }, deps.clock())
      deps.hub.participantRevoked(actor.congressId, participant.id)
      return c.json({ participant })
    })
}
