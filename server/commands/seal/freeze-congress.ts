import * as Y from 'yjs'
import type { AppDeps } from '../../env.ts'
import { fail, DomainError } from '../../domain-error.ts'
import { buildBundle, sha256Hex } from '../../seal/bundle.ts'
import { loadPdfKit } from '../../load-pdfkit.ts'
import { loadOrCreateKeys } from '../../seal/keys.ts'
import { readSealSource } from '../../seal/seal-source.ts'
import { insertSeal, removeBundle, sealedEntry, writeBundle, type SealView } from '../../seal/sealed-bundle.ts'
import { recordPhaseVersions } from '../../history/text-versions.ts'
import { auditActorOf, command, type CommandActor } from '../command.ts'
import { readPhase } from '../congress/congress-rows.ts'

export type FreezeDeps = Pick<AppDeps, 'db' | 'hub' | 'documents' | 'clock' | 'dataDir'>

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
export function freezeCongress(deps: FreezeDeps, actor: CommandActor, input: { readonly congressId: string }) {
  const { congressId } = input
  return command(deps, actor, async (steps): Promise<SealView> => {
    await steps.authorize(congressId, 'congress.freeze')
    const open = await deps.db.selectFrom('ballots').select('id').where('congress_id', '=', congressId).where('status', '=', 'open').executeTakeFirst()
    if (open) throw fail('ballot_open', { ballotId: open.id }, 'Un scrutin est ouvert : clôturez-le avant de geler la motion.')
    const from = await readPhase(deps.db, congressId)
    // Rooms read the phase from the hub on every update: from this line no edit gets in. Every
    // failure below puts it back.
    deps.hub.phaseChanged(congressId, 'frozen')
    // After a failure, the phase the database holds: `from`, or `frozen` when another freeze (on
    // another process) won, which this one must not announce away.
    const putPhaseBack = () =>
      void readPhase(deps.db, congressId).then(
        (phase) => deps.hub.phaseChanged(congressId, phase),
        () => deps.hub.phaseChanged(congressId, from),
      )
    try {
      // Every text is read here, outside the transaction: a read stores (and sends) what a room
      // still holds, edits accepted before the line above; inside, a failed freeze's rollback would
      // take them from the log while every client has them.
      const names = await deps.db.selectFrom('documents').select('name').where('congress_id', '=', congressId).execute()
      await Promise.all(names.map(({ name }) => deps.documents.read(name)))
      // The renderer is loaded on first use: here, not in the transaction, which may not wait for I/O.
      await loadPdfKit()
    } catch (error) {
      putPhaseBack()
      throw sealFailure(error)
    }
    try {
      return await steps.transaction(async (tx) => {
        tx.onRollback(putPhaseBack)
        const moved = await tx.trx.updateTable('congresses').set({ phase: 'frozen' }).where('id', '=', congressId).where('phase', '=', from).executeTakeFirst()
        if (moved.numUpdatedRows === 0n) throw fail('phase_changed_meanwhile', { expected: from }, 'Le congrès vient de changer de phase : rechargez la page.')
        const opened = await tx.trx.selectFrom('ballots').select('id').where('congress_id', '=', congressId).where('status', '=', 'open').executeTakeFirst()
        if (opened) throw fail('ballot_open', { ballotId: opened.id }, 'Un scrutin est ouvert : clôturez-le avant de geler la motion.')
        const docs = await tx.trx.selectFrom('documents').select('name').where('congress_id', '=', congressId).orderBy('name').execute()
        for (const { name } of docs) {
          // From the database, inside the transaction: it holds the congress's row, so no process,
          // even one that has not heard of the freeze yet, stores an edit from here on.
          const state = await deps.documents.readStored(name, tx.trx)
          if (!state) continue
          const stateV2 = Y.convertUpdateFormatV1ToV2(state)
          await tx.trx.insertInto('frozen_documents').values({ doc_name: name, congress_id: congressId, state_v2: stateV2, sha256: sha256Hex(stateV2) }).execute()
        }
        await tx.audit(congressId, 'congress.frozen', { from, documents: docs.length })
        // A phase change like any other: each base text's version as the motion froze (statements only).
        await recordPhaseVersions(tx.trx, deps.documents, congressId, 'frozen', tx.now, auditActorOf(actor)?.id ?? null)
        // The seal reads what this transaction wrote: it is made, and written, before anything commits.
        const keys = loadOrCreateKeys(deps.dataDir)
        const source = await readSealSource(tx.trx, congressId)
        const bundle = await buildBundle(source, keys)
        if (await insertSeal(tx.trx, congressId, source, bundle, keys.fingerprint)) await tx.audit(congressId, 'congress.sealed', sealedEntry(bundle, keys.fingerprint))
        // A bundle written for a freeze that did not commit must not be served as the seal.
        tx.onRollback(() => removeBundle(deps.dataDir, congressId))
        writeBundle(deps.dataDir, congressId, bundle, source.motion.frozenAt)
        // The hub turned `frozen` before the transaction; said again once committed, so that every
        // process ends on the phase the database holds whatever a concurrent freeze announced.
        tx.afterCommit(() => deps.hub.phaseChanged(congressId, 'frozen'))
        return { manifestSha256: bundle.manifestSha256, signature: bundle.signature }
      })
    } catch (error) {
      throw sealFailure(error)
    }
  })
}

/** Expected refusals pass as they are; anything else (disk, key, renderer) becomes a clear 503, not a 500. */
function sealFailure(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  console.error('freeze: the seal could not be made; nothing was frozen', error)
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200)
  return fail(
    'seal_unavailable',
    { reason },
    `Le scellement a échoué (${reason}) : rien n’a été gelé, la phase est inchangée. Corrigez la cause (dossier de données, disque) et recommencez.`,
  )
}
