import { plural } from './plural.ts'
const list = (parts: readonly string[]) => new Intl.ListFormat('fr', { type: 'conjunction' }).format(parts)

/** The bureau's desk: what is outstanding before the freeze, and each proposal's outcome. French, the reference for the other languages' keys. */
export const frDesk = {
  checkHeading: 'Avant de geler : ce qui reste en suspens',
  checkLoading: 'Vérification de ce qui reste en suspens…',
  checkFailed: 'La liste de ce qui reste en suspens n’a pas pu être lue : rechargez la page avant de geler.',
  nothingOutstanding: 'Rien n’est en suspens : chaque proposition a été mise aux voix, aucun amendement n’attend de décision, aucun scrutin n’est ouvert ni à publier.',
  phaseUnusual: (phase: string) => `La motion n’est pas en phase de vote (phase actuelle : ${phase.toLocaleLowerCase('fr')}) : un gel à ce stade est inhabituel.`,
  proposalsNotVoted: (n: number) => `${plural(n, 'proposition non mise', 'propositions non mises')} aux voix :`,
  amendmentsSubmitted: (n: number) => `${plural(n, 'amendement attend', 'amendements attendent')} la décision de recevabilité du bureau :`,
  amendmentsAdmissible: (n: number) => `${plural(n, 'amendement recevable non mis', 'amendements recevables non mis')} aux voix :`,
  amendmentsAdopted: (n: number) => `${plural(n, 'amendement adopté non fusionné', 'amendements adoptés non fusionnés')} dans son texte :`,
  ballotsOpen: (n: number) => `${plural(n, 'scrutin ouvert', 'scrutins ouverts')} (le gel est refusé tant qu’il y en a un) :`,
  ballotsClosed: (n: number) => `${plural(n, 'scrutin clos non publié', 'scrutins clos non publiés')} :`,
  motionSubject: 'Motion',
  /** A proposal's link as read aloud: its name and its title. */
  proposalSpoken: (label: string, title: string) => `${label} : ${title}`,
  /** The confirmation box's label: it names what the freeze seals unfinished. */
  confirmLabel: (parts: readonly string[], phase: string | undefined) =>
    `Je gèle la motion${parts.length > 0 ? ` avec ${list(parts)}` : ''}${phase === undefined ? '' : `${parts.length > 0 ? ',' : ''} hors de la phase de vote (phase : ${phase.toLocaleLowerCase('fr')})`}`,
  confirmProposals: (n: number) => `${plural(n, 'proposition non mise', 'propositions non mises')} aux voix`,
  confirmAmendments: (n: number) => plural(n, 'amendement en attente', 'amendements en attente'),
  confirmBallots: (n: number) => plural(n, 'scrutin ouvert ou non publié', 'scrutins ouverts ou non publiés'),
  confirmNeeded: 'Cochez d’abord la case ci-dessus : le gel scelle ces éléments tels quels.',
  listChanged: 'Ce qui reste en suspens a changé depuis votre confirmation : relisez la liste et confirmez de nouveau.',
  outcomeLabel: 'Sort :',
  outcome: { adopted: 'Adoptée', rejected: 'Rejetée', notVoted: 'Non mise aux voix' },
}
