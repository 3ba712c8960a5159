import { enEditor } from './en-editor.ts'
import { frEditor } from './fr-editor.ts'
import { language } from './index.ts'

/**
 * The editor's messages in the current language. Kept beside the main catalogues rather than in
 * them: only the editor's chunk needs them.
 */
export function ed(): typeof frEditor {
  return language() === 'en' ? enEditor : frEditor
}
