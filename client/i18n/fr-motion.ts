import type { MotionTextStatus } from '../../shared/api-types.ts'
import type { BallotOutcome } from '../../shared/ballots/tally-types.ts'
import { pluralUpToOne as plural } from './plural.ts'

/** The whole motion's page (live, printable) and the sealed motion on the seal page. French, the reference for the other languages' keys. */
export const frMotion = {
  nav: 'La motion en entier',
  linkIntro: 'Le préambule et toutes les propositions, à lire d’un trait ou à imprimer.',
  title: 'La motion',
  liveIntro: 'Le texte tel qu’il est en ce moment : il suit en direct les modifications, les amendements et les votes.',
  sealedHeading: 'La motion scellée',
  sealedIntro: 'Le texte exact du fichier motion.json du scellé, vérifié ci-dessus.',
  sealedUnreadable: 'Le texte scellé n’a pas pu être lu : téléchargez motion.html ou motion.pdf ci-dessous.',
  tools: 'Affichage et impression',
  print: 'Imprimer',
  lineNumbers: 'Numéroter les lignes',
  lineNumber: (n: number) => `ligne ${n}`,
  contents: 'Sommaire',
  motionStatus: 'La motion dans son ensemble :',
  status: { adopted: 'Adoptée', rejected: 'Rejetée', 'under-vote': 'En cours de vote', 'not-voted': 'Pas encore votée' } satisfies Record<MotionTextStatus, string>,
  statusLabel: 'Statut :',
  preambleNote: 'Le préambule est voté avec l’ensemble de la motion.',
  emptyText: 'Texte vide.',
  noProposal: 'Aucune proposition sous cette question.',
  amendmentsLabel: 'Amendements :',
  noAmendment: 'aucun',
  amendmentGroups: {
    draft: (n: number) => plural(n, 'en rédaction', 'en rédaction'),
    submitted: (n: number) => plural(n, 'déposé', 'déposés'),
    admissible: (n: number) => plural(n, 'recevable', 'recevables'),
    inadmissible: (n: number) => plural(n, 'irrecevable', 'irrecevables'),
    adopted: (n: number) => plural(n, 'adopté', 'adoptés'),
    rejected: (n: number) => plural(n, 'rejeté', 'rejetés'),
    fallen: (n: number) => plural(n, 'tombé', 'tombés'),
    withdrawn: (n: number) => plural(n, 'retiré', 'retirés'),
  },
  mergedAmendments: (n: number) => (n === 1 ? '1 amendement adopté et intégré au texte' : `${n} amendements adoptés et intégrés au texte`),
  votes: (yes: number, no: number, abstain: number, outcome: string) => `Pour ${yes}, contre ${no}, abstentions ${abstain} : ${outcome}`,
  /** A text of the sealed motion never put to the vote: it never will be. */
  notPutToVote: 'Non mise aux voix',
  outcome: { adopted: 'adoptée', rejected: 'rejetée', 'no-quorum': 'quorum non atteint' } satisfies Record<BallotOutcome, string>,
}

export type MotionMessages = typeof frMotion
