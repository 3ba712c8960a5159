import { language } from './index.ts'

/**
 * A label followed by its colon, as the reader's language writes it: "Code de la salle :" (a space
 * before, in French, as the catalogues write it) and "Room code:" in English.
 */
export function withColon(label: string): string {
  return language() === 'fr' ? `${label} :` : `${label}:`
}
