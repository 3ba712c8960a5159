import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AppDeps } from '../env.ts'
import { appendAudit } from '../services/audit.ts'
import { buildBundle, bundleZip, type Bundle } from './bundle.ts'
import { loadOrCreateKeys } from './keys.ts'
import { readSealSource, type SealSource } from './seal-source.ts'

/** What freezing returns, and what a seal is known by: its manifest's digest and its signature. */
export interface SealView {
  readonly manifestSha256: string
  readonly signature: string
}

/** Where a congress's bundle is written, as a folder and as a zip, in the data folder. */
export function bundlePaths(dataDir: string, congressId: string) {
  const dir = join(dataDir, 'bundles')
  return { dir, folder: join(dir, congressId), zip: join(dir, `${congressId}.zip`), zipName: `motion-${congressId}.zip` }
}

/** The seal's row; false if the congress already had one (the seal is made once). */
export async function insertSeal(db: Kysely<Database>, congressId: string, source: SealSource, bundle: Bundle, fingerprint: string): Promise<boolean> {
  const inserted = await db
    .insertInto('seals')
    .values({ congress_id: congressId, frozen_at: source.frozenAtMs, manifest_sha256: bundle.manifestSha256, signature: bundle.signature, public_key_fingerprint: fingerprint })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return inserted.numInsertedOrUpdatedRows !== 0n
}

/** The payload of the log's `congress.sealed` entry. */
export const sealedEntry = (bundle: Bundle, fingerprint: string) => ({ manifestSha256: bundle.manifestSha256, publicKeyFingerprint: fingerprint })

/**
 * The seal of a frozen congress, made again if its files are missing (after a restore, say): the
 * bundle is rendered from frozen data only, so making it again gives the same bytes. A repair, not
 * a decision: the seal's row and log entry are written only if the freeze did not write them.
 */
export async function ensureSealed(deps: Pick<AppDeps, 'db' | 'clock' | 'dataDir'>, congressId: string): Promise<SealView> {
  const existing = await deps.db.selectFrom('seals').select(['manifest_sha256', 'signature']).where('congress_id', '=', congressId).executeTakeFirst()
  if (existing && existsSync(bundlePaths(deps.dataDir, congressId).zip)) return { manifestSha256: existing.manifest_sha256, signature: existing.signature }
  const keys = loadOrCreateKeys(deps.dataDir)
  const source = await readSealSource(deps.db, congressId)
  const bundle = await buildBundle(source, keys)
  writeBundle(deps.dataDir, congressId, bundle, source.motion.frozenAt)
  if (!existing) {
    await deps.db.transaction().execute(async (trx) => {
      if (await insertSeal(trx, congressId, source, bundle, keys.fingerprint)) {
        await appendAudit(trx, { congressId, actor: null, action: 'congress.sealed', payload: sealedEntry(bundle, keys.fingerprint) }, deps.clock())
      }
    })
  }
  return { manifestSha256: bundle.manifestSha256, signature: bundle.signature }
}

/** Takes a bundle off the disk: one written for a freeze that did not commit must not be served as the seal. */
export function removeBundle(dataDir: string, congressId: string): void {
  const paths = bundlePaths(dataDir, congressId)
  for (const path of [paths.folder, `${paths.folder}.partial`, paths.zip, `${paths.zip}.partial`]) {
    try {
      rmSync(path, { recursive: true, force: true })
    } catch {
      // The data folder refused the write in the first place; nothing more to clean.
    }
  }
}

/** The bundle as a folder and a zip; written beside, then renamed, so no one reads half of it. */
export function writeBundle(dataDir: string, congressId: string, bundle: Bundle, frozenAt: string): void {
  const paths = bundlePaths(dataDir, congressId)
  const staging = `${paths.folder}.partial`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  for (const [name, data] of bundle.files) writeFileSync(join(staging, name), data)
  rmSync(paths.folder, { recursive: true, force: true })
  renameSync(staging, paths.folder)
  writeFileSync(`${paths.zip}.partial`, bundleZip(bundle, `motion-${congressId}`, frozenAt))
  renameSync(`${paths.zip}.partial`, paths.zip)
}
