import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import type { UndoManager } from 'yjs'

/**
 * Typing: every step puts plain text (or nothing) between two points of one text block. What is
 * typed in a row stays one undo step, as in any editor; anything else is an action of its own.
 */
export function isTyping(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    if (!(step instanceof ReplaceStep)) return false
    const { slice, from, to } = step as ReplaceStep & { from: number; to: number }
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false
    let textOnly = true
    slice.content.forEach((node) => {
      if (!node.isText) textOnly = false
    })
    const doc = tr.docs[index]!
    const $from = doc.resolve(from)
    return textOnly && $from.parent.isTextblock && $from.sameParent(doc.resolve(to))
  })
}

/**
 * One undo step per action. Yjs' undo manager merges every change made within half a second
 * (its captureTimeout) into one step, so typing a word, pressing Enter and making a list would
 * all go with one Ctrl+Z. Around every change that is not typing (a new paragraph, a list, bold,
 * a paste, a deletion across blocks) the manager stops capturing, before and after: that change
 * is a step alone, and typing still groups. Runs after the Collaboration plugins (lower priority),
 * so its view update comes once the change is in the Y.Doc.
 */
export const UndoSteps = Extension.create({
  name: 'undoSteps',

  addProseMirrorPlugins() {
    let stopAfter = false
    const manager = (state: Parameters<typeof yUndoPluginKey.getState>[0]): UndoManager | undefined =>
      (yUndoPluginKey.getState(state) as { undoManager?: UndoManager } | undefined)?.undoManager
    return [
      new Plugin({
        key: new PluginKey('undoSteps'),
        filterTransaction: (tr, state) => {
          if (tr.docChanged && tr.getMeta('addToHistory') !== false && !isTyping(tr)) {
            manager(state)?.stopCapturing()
            stopAfter = true
          }
          return true
        },
        view: () => ({
          update: (view) => {
            if (!stopAfter) return
            stopAfter = false
            manager(view.state)?.stopCapturing()
          },
        }),
      }),
    ]
  },
})
