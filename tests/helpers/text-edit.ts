import * as Y from 'yjs'
import { docField } from '../../shared/editor/extensions.ts'

/** Replaces the first `find` in the document's paragraphs, as someone selecting and retyping it would. */
export function replaceText(doc: Y.Doc, find: string, replacement: string): void {
  for (const block of doc.getXmlFragment(docField).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue
    for (const child of block.toArray()) {
      if (!(child instanceof Y.XmlText)) continue
      const at = child.toString().indexOf(find)
      if (at < 0) continue
      doc.transact(() => {
        child.delete(at, find.length)
        child.insert(at, replacement)
      })
      return
    }
  }
  throw new Error(`"${find}" is not in the document`)
}
