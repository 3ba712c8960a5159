import type { TextRestoredView } from '../../../shared/history/text-history.ts'
import { fail } from '../../domain-error.ts'
import { restoreUpdate } from '../../history/restore-update.ts'
import { recordVersion, versionDoc } from '../../history/text-versions.ts'
import { textVersionViews } from '../../presenters/text-history.ts'
import { isVotedText } from '../../services/voted-texts.ts'
import { auditActorOf, command, type CommandActor, type CommandDeps } from '../command.ts'
import { loadVersion, versionNotFound } from './history-rows.ts'

type RestoreDeps = CommandDeps & Required<Pick<CommandDeps, 'documents'>>

/**
 * The bureau brings a base text back to one of its versions, while the text is editable: the
 * change is made on top of the text as the database holds it and applied through the same path as
 * a merge (stored in the transaction, sent to every open editor after the commit). History is never
 * rewritten: the restore is itself a new version, event `restore`.
 */
export function restoreVersion(deps: RestoreDeps, actor: CommandActor, input: { congressId: string; versionId: string }) {
  const { congressId, versionId } = input
  return command(deps, actor, async (steps): Promise<TextRestoredView> => {
    // First, as every command: whoever may not restore learns nothing of the version.
    await steps.authorize(congressId, 'text.restore')
    const version = await loadVersion(deps.db, congressId, versionId)
    const target = await versionDoc(deps.db, versionId)
    if (!target) throw versionNotFound(versionId)
    try {
      const made = await steps.transaction(async (tx) => {
        // A text put to the vote stays as voted, whatever the phase (the bureau may go back to drafting).
        if (await isVotedText(tx.trx, version.docName)) throw fail('restore_text_voted', { docName: version.docName }, 'Ce texte a été mis aux voix : il ne change plus, aucune version ne peut y être restaurée.')
        const current = await deps.documents.readStored(version.docName, tx.trx)
        if (!current) throw versionNotFound(versionId)
        const update = restoreUpdate(current, target)
        await tx.audit(congressId, 'text.restored', { docName: version.docName, versionId, seq: version.seq })
        if (!update) return undefined
        await deps.documents.applyInTransaction(version.docName, update, tx)
        return recordVersion(tx.trx, deps.documents, { docName: version.docName, event: 'restore', now: tx.now, actorId: auditActorOf(actor)?.id ?? null, restoredFrom: versionId })
      })
      const views = await textVersionViews(deps.db, version.docName)
      return { restored: views.find((v) => v.id === versionId)!, version: made ? (views.find((v) => v.id === made.id) ?? null) : null }
    } finally {
      target.destroy()
    }
  })
}
