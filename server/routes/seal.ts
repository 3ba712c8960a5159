import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Result } from '../../shared/result.ts'
import { parseDeliveryRequest, parseDeliverySlip } from '../../shared/requests/seal-requests.ts'
import { requireSession } from '../auth/require-session.ts'
import { freezeCongress } from '../commands/seal/freeze-congress.ts'
import { recordDelivery } from '../commands/seal/record-delivery.ts'
import type { DomainError } from '../domain-error.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { respond } from '../http/respond.ts'
import { freezeCheck } from '../presenters/freeze-check.ts'
import { sealBundle, sealBundleFile, type FileView } from '../presenters/seal-bundle.ts'
import { presentDeliverySlip } from '../presenters/delivery-slip.ts'
import { sealDeliveries } from '../presenters/seal-deliveries.ts'
import { sealInfo } from '../presenters/seal-info.ts'
import { sealPublicKey } from '../presenters/seal-public-key.ts'
import { publicBase } from '../public-url.ts'
import { jsonBody, valid, validParams } from '../validate.ts'

/** `/api/congresses/:id/…`: freezing, the seal, the bundle, and its deliveries. */
export function sealRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/freeze-check', ...session, async (c) => respond(c, await freezeCheck(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/freeze', ...session, async (c) => respond(c, await freezeCongress(deps, c.var.actor, { congressId: c.req.param('id') })))
    .get('/:id/seal', ...session, async (c) => respond(c, await sealInfo(deps, c.var.actor, { congressId: c.req.param('id') })))
    .get('/:id/bundle', ...session, async (c) => {
      const zip = await sealBundle(deps, c.var.actor, { congressId: c.req.param('id') })
      return respondFile(c, zip, (name) => ({ 'content-disposition': `attachment; filename="${name}"` }))
    })
    .get('/:id/bundle/:file', ...session, async (c) => {
      const file = await sealBundleFile(deps, c.var.actor, { congressId: c.req.param('id'), file: c.req.param('file') })
      // The HTML is the motion, not a page of this site: no script, its own inline style, framed
      // by the seal page of this origin only.
      return respondFile(c, file, (name) => ({
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        'x-frame-options': 'SAMEORIGIN',
        'content-disposition': `inline; filename="${name}"`,
      }))
    })
    .get('/:id/deliveries', ...session, async (c) => respond(c, await sealDeliveries(deps, c.var.actor, { congressId: c.req.param('id') })))
    .post('/:id/deliveries', ...session, jsonBody((body) => valid(parseDeliveryRequest(body))), async (c) =>
      respond(c, await recordDelivery(deps, c.var.actor, { congressId: c.req.param('id'), delivery: c.req.valid('json'), joinBase: publicBase(c.req.url) }), 201),
    )
    // A PDF holding a code in clear: never cached.
    .post('/:id/delivery-slip.pdf', ...session, jsonBody((body) => valid(parseDeliverySlip(body))), async (c) => {
      const pdf = await presentDeliverySlip(deps, c.var.actor, { congressId: c.req.param('id'), baseUrl: publicBase(c.req.url), ...c.req.valid('json') })
      if (!pdf.ok) throw pdf.error
      return c.body(pdf.value, 200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="fiche-remise.pdf"', 'cache-control': 'no-store' })
    })
}

/** `/api/keys/public`: the seal's public key, for anyone, created on first use. */
export function keyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/public', (c) => {
    const key = sealPublicKey(deps)
    return c.body(key.pem, 200, { 'content-type': 'application/x-pem-file', 'x-key-fingerprint': key.fingerprint.replace(/ /g, '') })
  })
}

/** A presenter's file as the body, with its type and the route's headers for its name; its error to app.onError. */
function respondFile(c: Context, result: Result<FileView, DomainError>, headers: (fileName: string) => Record<string, string>) {
  if (!result.ok) throw result.error
  return c.body(result.value.bytes, 200, { 'content-type': result.value.contentType, ...headers(result.value.fileName) })
}
