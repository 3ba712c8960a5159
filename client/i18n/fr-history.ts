import type { VersionEvent } from '../../shared/history/text-history.ts'

/** A text's history: its versions, two compared, the bureau's restore. French, the reference for the other languages' keys. */
export const frHistory = {
  historyLink: 'Historique des versions',
  historyTitle: (text: string) => `Historique — ${text}`,
  historyIntro:
    'Une version du texte est gardée à chaque changement de phase, à chaque amendement intégré, à chaque restauration, et après chaque pause d’une minute dans la saisie. Choisissez deux versions pour les comparer.',
  backToText: 'Retour au texte',
  versionsHeading: 'Versions',
  noVersions: 'Aucune version n’a encore été gardée : elles viennent avec la première pause dans la saisie ou le premier changement de phase.',
  versionLabel: (seq: number) => `Version ${seq}`,
  events: {
    phase: 'Changement de phase',
    merge: 'Amendement intégré',
    restore: 'Restauration',
    pause: 'Pause dans la saisie',
  } satisfies Record<VersionEvent, string>,
  enteredPhase: (phase: string) => `passage en phase « ${phase} »`,
  mergedAmendment: (label: string) => `amendement ${label}`,
  restoredVersion: (seq: number) => `retour à la version ${seq}`,
  byActor: (name: string) => `par ${name}`,
  typedBy: 'Saisie par :',
  nobodyTyped: 'personne n’a écrit depuis la version précédente',
  compareHeading: 'Comparer deux versions',
  compareFrom: 'Version de départ',
  compareTo: 'Version d’arrivée',
  compareMode: 'Affichage',
  modeDiff: 'Différences mot à mot',
  modeSide: 'Côte à côte',
  compareWithPrevious: 'Comparer avec la précédente',
  showVersion: 'Afficher seule',
  sameVersion: 'Une seule version choisie : son texte.',
  comparing: (from: number, to: number) => `De la version ${from} à la version ${to}`,
  noDifference: 'Les deux versions disent la même chose.',
  emptyText: 'Texte vide.',
  restore: 'Restaurer cette version',
  restoreConfirm: (seq: number) =>
    `Restaurer la version ${seq} ? Le texte actuel prendra ses mots, comme une nouvelle modification que chacun voit aussitôt ; l’historique est gardé et la restauration devient une version.`,
  restoreYes: 'Confirmer la restauration',
  restoreNo: 'Annuler',
  restored: (seq: number) => `La version ${seq} a été restaurée.`,
  restoredNothing: (seq: number) => `Le texte dit déjà ce que dit la version ${seq} : rien n’a changé.`,
  refresh: 'Actualiser la liste',
}

export type HistoryMessages = typeof frHistory
