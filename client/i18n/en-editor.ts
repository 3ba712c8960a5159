import type { frEditor } from './fr-editor.ts'
import { plural } from './plural.ts'

export const enEditor: typeof frEditor = {
  toolbar: 'Text formatting',
  bold: 'Bold',
  italic: 'Italic',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  undo: 'Undo',
  redo: 'Redo',
  pending: (n) => `${plural(n, 'change', 'changes')} waiting to be sent`,
  resynced: 'Back online: everything is saved',
  others: 'Also on this text:',
  lineNumbers: 'Line numbers, the same as in the amendments',
}
