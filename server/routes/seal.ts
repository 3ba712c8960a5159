import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import type { SealInfoView } from '../../shared/api-types.ts'
import { AppError } from '../app-error.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { publicBase } from '../public-url.ts'
import { jsonBody, validParams } from '../validate.ts'
import { listDeliveries, parseDelivery, recordDelivery } from '../seal/deliveries.ts'
import { bundlePaths, ensureSealed, freezeCongress } from '../seal/freeze.ts'
import { loadOrCreateKeys } from '../seal/keys.ts'

const fileTypes: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  pem: 'application/x-pem-file',
  txt: 'text/plain; charset=utf-8',
  sig: 'application/octet-stream',
}
const bundleFile = /^(motion\.(json|html|md|pdf|odt)|results\.json|board\.json|audit\.json|manifest\.json|manifest\.sig|public-key\.pem|VERIFY\.txt|SHA256SUMS(\.sig)?)$/

/** `/api/congresses/:id/…`: freezing, the seal, the bundle, and its deliveries. */
export function sealRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  /** The bundle of a frozen congress, written again from frozen data if the folder lost it. */
  const sealedFolder = async (congressId: string) => {
    await ensureSealed(deps, congressId, null)
    return bundlePaths(deps.dataDir, congressId)
  }
  return new Hono<AppEnv>()
    .post('/:id/freeze', ...session, async (c) => c.json(await freezeCongress(deps, c.var.actor, c.req.param('id'))))
    .get('/:id/seal', ...session, authorize(deps, 'seal.read'), async (c) => {
      const congressId = c.req.param('id')
      const paths = await sealedFolder(congressId)
      const seal = await deps.db.selectFrom('seals').selectAll().where('congress_id', '=', congressId).executeTakeFirstOrThrow()
      const manifest = JSON.parse(readFileSync(join(paths.folder, 'manifest.json'), 'utf8')) as { files: SealInfoView['files'] }
      const view: SealInfoView = {
        manifestSha256: seal.manifest_sha256,
        signature: seal.signature,
        frozenAt: new Date(seal.frozen_at).toISOString(),
        publicKeyPem: readFileSync(join(paths.folder, 'public-key.pem'), 'utf8'),
        publicKeyFingerprint: seal.public_key_fingerprint,
        files: manifest.files,
      }
      return c.json(view)
    })
    .get('/:id/bundle', ...session, authorize(deps, 'seal.read'), async (c) => {
      const paths = await sealedFolder(c.req.param('id'))
      return c.body(readFileSync(paths.zip), 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${paths.zipName}"` })
    })
    .get('/:id/bundle/:file', ...session, authorize(deps, 'seal.read'), async (c) => {
      const file = c.req.param('file')
      if (!bundleFile.test(file)) throw new AppError(404, 'not_found', 'Ce fichier ne fait pas partie du dossier scellé.')
      const paths = await sealedFolder(c.req.param('id'))
      // manifest.sig only exists in bundles sealed before SHA256SUMS was signed (plenum-bundle/1).
      if (!existsSync(join(paths.folder, file))) throw new AppError(404, 'not_found', 'Ce fichier ne fait pas partie du dossier scellé.')
      const type = fileTypes[file.split('.').at(-1) ?? ''] ?? 'text/plain; charset=utf-8'
      // The HTML is the motion, not a page of this site: no script, its own inline style, framed
      // by the seal page of this origin only.
      return c.body(readFileSync(join(paths.folder, file)), 200, {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        'x-frame-options': 'SAMEORIGIN',
        'content-disposition': `inline; filename="${file}"`,
      })
    })
    .get('/:id/deliveries', ...session, async (c) => c.json({ deliveries: await listDeliveries(deps, c.var.actor, c.req.param('id'), publicBase(c.req.url)) }))
    .post('/:id/deliveries', ...session, jsonBody(parseDelivery), async (c) => {
      return c.json(await recordDelivery(deps, c.var.actor, c.req.param('id'), c.req.valid('json'), publicBase(c.req.url)), 201)
    })
}

/** `/api/keys/public`: the seal's public key, for anyone, created on first use. */
export function keyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/public', (c) => {
    const keys = loadOrCreateKeys(deps.dataDir)
    return c.body(keys.publicKeyPem, 200, { 'content-type': 'application/x-pem-file', 'x-key-fingerprint': keys.fingerprint.replace(/ /g, '') })
  })
}
