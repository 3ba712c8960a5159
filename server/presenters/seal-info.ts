import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SealInfoView } from '../../shared/api-types.ts'
import { query, type CommandActor } from '../commands/command.ts'
import type { AppDeps } from '../env.ts'
import { decodeManifestFiles } from '../seal/manifest-files.ts'
import { bundlePaths, ensureSealed } from '../seal/sealed-bundle.ts'

export type SealReadDeps = Pick<AppDeps, 'db' | 'hub' | 'clock' | 'dataDir'>

/** The sealed bundle's folder, written again from frozen data if the data folder lost it. */
export async function sealedFolder(deps: SealReadDeps, congressId: string) {
  await ensureSealed(deps, congressId)
  return bundlePaths(deps.dataDir, congressId)
}

/** The seal of a frozen congress, for the advisor page and anyone checking it. */
export function sealInfo(deps: SealReadDeps, actor: CommandActor, input: { readonly congressId: string }) {
  const { congressId } = input
  return query(deps, actor, async (steps): Promise<SealInfoView> => {
    await steps.authorize(congressId, 'seal.read')
    const paths = await sealedFolder(deps, congressId)
    const seal = await deps.db.selectFrom('seals').selectAll().where('congress_id', '=', congressId).executeTakeFirstOrThrow()
    return {
      manifestSha256: seal.manifest_sha256,
      signature: seal.signature,
      frozenAt: new Date(seal.frozen_at).toISOString(),
      publicKeyPem: readFileSync(join(paths.folder, 'public-key.pem'), 'utf8'),
      publicKeyFingerprint: seal.public_key_fingerprint,
      files: decodeManifestFiles(readFileSync(join(paths.folder, 'manifest.json'), 'utf8')),
    }
  })
}
