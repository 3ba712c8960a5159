import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { maxTextChars } from '../../shared/editor/text-limits.ts'

/** Characters of text in a document, counted as the server counts them (text nodes only). */
function textChars(doc: PmNode): number {
  let chars = 0
  doc.descendants((node) => {
    if (node.isText) chars += node.text?.length ?? 0
    return true
  })
  return chars
}

/**
 * Stops a keystroke or paste that would take the text past the server's cap (which would refuse
 * it and reload the text): the change is not made and `onRefused` says why. Changes that arrive
 * from the others (through Yjs) are never filtered.
 */
export const TextSizeLimit = Extension.create<{ onRefused: () => void }>({
  name: 'plenumTextSizeLimit',
  addOptions: () => ({ onRefused: () => undefined }),
  addProseMirrorPlugins() {
    const { onRefused } = this.options
    return [
      new Plugin({
        filterTransaction(tr, state) {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true
          const after = textChars(tr.doc)
          if (after <= maxTextChars || after <= textChars(state.doc)) return true
          onRefused()
          return false
        },
      }),
    ]
  },
})
