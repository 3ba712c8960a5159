import type { LogKind } from '../../shared/audit/log-actions.ts'
import { frLogSentences } from '../../shared/audit/log-sentences-fr.ts'

/** The bureau's decision log: its sentences (shared with the CSV export) and the panel's words. French, the reference for the other languages' keys. */
export const frLog = {
  sentences: frLogSentences,
  filters: 'Filtrer le journal',
  kindLabel: 'Type',
  allKinds: 'Toutes les décisions',
  kinds: {
    amendments: 'Amendements',
    ballots: 'Scrutins',
    attendance: 'Présences et pouvoirs',
    phases: 'Phases et sceau',
    participants: 'Participants et codes',
    floor: 'Parole',
    texts: 'Textes et questions',
  } satisfies Record<LogKind, string>,
  personLabel: 'Auteur',
  everyone: 'Tout le monde',
  count: (shown: number, total: number) => (shown === total ? `${total} ${total <= 1 ? 'entrée' : 'entrées'}` : `${shown} ${shown <= 1 ? 'entrée' : 'entrées'} sur ${total}`),
  none: 'Aucune entrée ne correspond à ces filtres.',
  empty: 'Aucune décision pour l’instant.',
  more: (n: number) => `Afficher ${n} entrées de plus`,
  entry: (seq: number) => `n° ${seq}`,
  raw: 'Entrée brute',
  rawAction: 'Action',
  rawPayload: 'Contenu',
  rawPrevHash: 'Empreinte précédente',
  rawHash: 'Empreinte (SHA-256)',
  exportCsv: 'Exporter en CSV',
}
