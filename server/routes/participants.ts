import { Hono } from 'hono'
import { validator } from 'hono/validator'
import { parseParticipantsCsv, parseParticipantsJson } from '../../shared/participants/participant-rows.ts'
import { AppError } from '../app-error.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { accessSheetPdf } from '../services/access-sheet.ts'
import { getCongress } from '../services/congresses.ts'
import { publicBase } from '../public-url.ts'
import { jsonBody, validParams } from '../validate.ts'
import { importParticipants, invalidRows, issuedParticipants, listParticipants, reissueCode, revokeCode } from '../services/participants.ts'

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

/** The codes the bureau was just given, sent back to print them: [{ id, code }], 5000 at most. */
const sheetBody = jsonBody((body) => {
  const list = body.participants
  if (!Array.isArray(list) || list.length === 0 || list.length > 5000) throw new AppError(400, 'bad_request', 'Champ « participants » : une liste de 1 à 5000 { id, code }.')
  return list.map((item: unknown, i) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>
    if (typeof entry.id !== 'string' || entry.id.length === 0 || entry.id.length > 64 || typeof entry.code !== 'string' || entry.code.length === 0 || entry.code.length > 64) {
      throw new AppError(400, 'bad_request', `Champ « participants », élément ${i + 1} : { id, code } attendus.`)
    }
    return { id: entry.id, code: entry.code }
  })
})

/**
 * `/api/congresses/:id/participants`. Codes appear in the answers to an import and a reissue,
 * and nowhere else: the list never has them, and the access sheet is printed from the codes the
 * bureau sends back right after (POST, in the body), checked against their hashes.
 */
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
    .post('/sheet.pdf', ...guard, sheetBody, async (c) => {
      const congressId = c.var.actor.congressId
      const [congress, participants] = await Promise.all([getCongress(deps.db, congressId), issuedParticipants(deps.db, congressId, c.req.valid('json'))])
      const pdf = await accessSheetPdf(congress.title, participants, publicBase(c.req.url))
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="codes-acces.pdf"',
        'cache-control': 'no-store',
      })
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
