import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { appendAudit, auditActor } from '../services/audit.ts'
import { currentPhase } from '../services/phase.ts'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { buildBundle, bundleZip, sha256Hex, type Bundle } from './bundle.ts'
import { loadOrCreateKeys } from './keys.ts'
import { readSealSource, type SealSource } from './seal-source.ts'

export type SealDeps = Pick<AppDeps, 'db' | 'hub' | 'documents' | 'clock' | 'dataDir'>

export interface SealView {
  readonly manifestSha256: string
  readonly signature: string
}

/** Where a congress's bundle is written, as a folder and as a zip, in the data folder. */
export function bundlePaths(dataDir: string, congressId: string) {
  const dir = join(dataDir, 'bundles')
  return { dir, folder: join(dir, congressId), zip: join(dir, `${congressId}.zip`), zipName: `motion-${congressId}.zip` }
}

/**
 * Freezes the congress for good, all or nothing: the phase turns `frozen` (every open editor turns
 * read-only and every write is refused from then on), the final state of every document is kept
 * with its digest, and the bundle is rendered, checked, signed and written to the data folder, all
 * inside one transaction that commits only once the bundle is on disk. If any step fails (a text
 * outside the schema, a voted text changed, a data folder that cannot be written), nothing is
 * frozen: the database and the hub keep the previous phase, editing resumes, and the error says why.
 *
 * The transaction holds the database for the rendering (a second or so for a large motion); the
 * freeze happens once per congress, with no ballot open.
 */
export async function freezeCongress(deps: SealDeps, actor: SessionActor, congressId: string): Promise<SealView> {
  requireAllowed(deps, actor, congressId, 'congress.freeze')
  const open = await deps.db.selectFrom('ballots').select('id').where('congress_id', '=', congressId).where('status', '=', 'open').executeTakeFirst()
  if (open) throw new AppError(409, 'conflict', 'Un scrutin est ouvert : clôturez-le avant de geler la motion.')
  const from = await currentPhase(deps.db, congressId)
  const now = deps.clock()
  const by = auditActor(actor)
  // Rooms read the phase from the hub on every update: from this line no edit gets in.
  deps.hub.phaseChanged(congressId, 'frozen')
  let wroteBundle = false
  try {
    // Every text is read here, outside the transaction: a read stores (and sends) what a room still
    // holds, edits accepted before the line above; inside, a failed freeze's rollback would take
    // them from the log while every client has them. Nothing is awaited between these reads and
    // the transaction's statements but SQLite, so they are the final states.
    const names = await deps.db.selectFrom('documents').select('name').where('congress_id', '=', congressId).execute()
    const read = new Map(names.map(({ name }) => [name, { state: deps.documents.read(name), revision: deps.documents.revision(name) }]))
    return await deps.db.transaction().execute(async (trx) => {
      const moved = await trx.updateTable('congresses').set({ phase: 'frozen' }).where('id', '=', congressId).where('phase', '=', from).executeTakeFirst()
      if (moved.numUpdatedRows === 0n) throw new AppError(409, 'conflict', 'Le congrès vient de changer de phase : rechargez la page.')
      const docs = await trx.selectFrom('documents').select('name').where('congress_id', '=', congressId).orderBy('name').execute()
      for (const { name } of docs) {
        // A text stored since (a merge or a filing whose transaction came first) is read again:
        // the hub says frozen, so none of it waits in a room and the read writes nothing.
        const before = read.get(name)
        const state = before && before.revision === deps.documents.revision(name) ? before.state : deps.documents.read(name)
        if (!state) continue
        const stateV2 = Y.convertUpdateFormatV1ToV2(state)
        await trx.insertInto('frozen_documents').values({ doc_name: name, congress_id: congressId, state_v2: stateV2, sha256: sha256Hex(stateV2) }).execute()
      }
      await appendAudit(trx, { congressId, actor: by, action: 'congress.frozen', payload: { from, documents: docs.length } }, now)
      // The seal reads what this transaction wrote: it is made, and written, before anything commits.
      const keys = loadOrCreateKeys(deps.dataDir)
      const source = await readSealSource(trx, congressId)
      const bundle = await buildBundle(source, keys)
      await recordSeal(trx, congressId, by, source, bundle, keys.fingerprint, deps.clock())
      wroteBundle = true
      writeBundle(deps.dataDir, congressId, bundle, source.motion.frozenAt)
      return { manifestSha256: bundle.manifestSha256, signature: bundle.signature }
    })
  } catch (error) {
    deps.hub.phaseChanged(congressId, from)
    // A bundle written for a freeze that did not commit must not be served as the seal.
    if (wroteBundle) removeBundle(deps.dataDir, congressId)
    throw sealFailure(error)
  }
}

/** Expected refusals pass as they are; anything else (disk, key, renderer) becomes a clear 503, not a 500. */
function sealFailure(error: unknown): unknown {
  if (error instanceof AppError) return error
  console.error('freeze: the seal could not be made; nothing was frozen', error)
  const reason = error instanceof Error ? error.message : String(error)
  return new AppError(503, 'seal_failed', `Le scellement a échoué (${reason.slice(0, 200)}) : rien n’a été gelé, la phase est inchangée. Corrigez la cause (dossier de données, disque) et recommencez.`)
}

async function recordSeal(db: Kysely<Database>, congressId: string, actor: { id: string; name: string } | null, source: SealSource, bundle: Bundle, fingerprint: string, now: number): Promise<boolean> {
  const inserted = await db
    .insertInto('seals')
    .values({ congress_id: congressId, frozen_at: source.frozenAtMs, manifest_sha256: bundle.manifestSha256, signature: bundle.signature, public_key_fingerprint: fingerprint })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  if (inserted.numInsertedOrUpdatedRows === 0n) return false
  await appendAudit(db, { congressId, actor, action: 'congress.sealed', payload: { manifestSha256: bundle.manifestSha256, publicKeyFingerprint: fingerprint } }, now)
  return true
}

/**
 * The seal of a frozen congress, made again if its files are missing (after a restore, say): the
 * bundle is rendered from frozen data only, so making it again gives the same bytes.
 */
export async function ensureSealed(deps: SealDeps, congressId: string, actor: { id: string; name: string } | null): Promise<SealView> {
  const existing = await deps.db.selectFrom('seals').select(['manifest_sha256', 'signature']).where('congress_id', '=', congressId).executeTakeFirst()
  if (existing && existsSync(bundlePaths(deps.dataDir, congressId).zip)) return { manifestSha256: existing.manifest_sha256, signature: existing.signature }
  const keys = loadOrCreateKeys(deps.dataDir)
  const source = await readSealSource(deps.db, congressId)
  const bundle = await buildBundle(source, keys)
  writeBundle(deps.dataDir, congressId, bundle, source.motion.frozenAt)
  if (!existing) await deps.db.transaction().execute((trx) => recordSeal(trx, congressId, actor, source, bundle, keys.fingerprint, deps.clock()))
  return { manifestSha256: bundle.manifestSha256, signature: bundle.signature }
}

function removeBundle(dataDir: string, congressId: string): void {
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
