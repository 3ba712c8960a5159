import { plural } from './plural.ts'

/** The text editor: its toolbar and what it says about the connection. French, the reference for the other languages' keys. */
export const frEditor = {
  toolbar: 'Mise en forme du texte',
  bold: 'Gras',
  italic: 'Italique',
  bulletList: 'Liste à puces',
  orderedList: 'Liste numérotée',
  undo: 'Annuler',
  redo: 'Rétablir',
  /** Local changes the server has not yet confirmed stored, counted. */
  pending: (n: number) => `${plural(n, 'modification', 'modifications')} en attente`,
  /** Said once the connection is back and everything typed meanwhile is stored. */
  resynced: 'De retour en ligne : tout est enregistré',
  /** Before the names of the others on the text, each with the colour of their caret. */
  others: 'Aussi sur ce texte :',
  /** What the numbers beside the text are. */
  lineNumbers: 'Numéros de ligne, les mêmes que dans les amendements',
}
