import type { frEditor } from './fr-editor.ts'

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`)

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
