import type { Quorum } from '../../shared/ballots/ballot-rule.ts'

/** What a publication does, by what the ballot decides: said in the confirmation before it. */
export type PublishEffect =
  | { readonly kind: 'amendment' }
  | { readonly kind: 'amendments'; readonly count: number }
  | { readonly kind: 'proposal' }
  | { readonly kind: 'proposals'; readonly count: number }
  | { readonly kind: 'part' }
  | { readonly kind: 'motion' }

const publishEffects = {
  amendment: () => 'l’amendement est intégré à son texte s’il est adopté, écarté s’il est rejeté',
  amendments: (n: number) => `chacun des ${n} amendements est intégré à son texte s’ils sont adoptés, écarté s’ils sont rejetés`,
  proposal: () => 'la proposition est adoptée ou rejetée',
  proposals: (n: number) => `chacune des ${n} propositions est adoptée ou rejetée`,
  part: () => 'une partie rejetée est retirée du texte',
  motion: () => 'la motion est adoptée ou rejetée',
}

/** The bureau's ballots page: the new ballot, a draft's rule, the phase, the messages by their controls. French, the reference. */
export const frBallots = {
  subjectChoose: '— Choisir l’objet du vote —',
  subjectRequired: 'Choisissez l’objet du vote : aucun scrutin n’est créé sans objet.',
  created: (label: string) => `Scrutin créé : ${label}, en préparation dans la liste ci-dessous.`,
  ruleApplied: 'Règle appliquée :',
  ruleAppliedHelp: 'La règle par défaut ; elle se modifie sur le scrutin tant qu’il est en préparation.',
  /** One ballot's whole rule, in a line. */
  quorum: (q: Quorum) => (q.kind === 'none' ? 'sans quorum' : q.kind === 'count' ? `quorum : ${q.count} ${q.count === 1 ? 'personne' : 'personnes'}` : `quorum : ${Math.round(q.share * 1000) / 10} % des inscrits`),
  proxies: (allowed: boolean, max: number) => (allowed ? `pouvoirs admis (${max === 1 ? '1 par personne' : `jusqu’à ${max} par personne`})` : 'pouvoirs non admis'),
  ruleLine: (majority: string, base: string, quorum: string, secrecy: string, proxies: string) => `${majority} des ${base} ; ${quorum} ; ${secrecy} ; ${proxies}`,
  blockCreated: (n: number) => `Scrutin créé : vote en bloc de ${n} propositions, en préparation dans la liste ci-dessous.`,
  blockAmendmentsCreated: (n: number) => `Scrutin créé : vote en bloc de ${n} amendements, en préparation dans la liste ci-dessous.`,
  editRule: 'Modifier la règle de ce scrutin',
  saveBallotRule: 'Enregistrer la règle de ce scrutin',
  ballotRuleSaved: 'Règle du scrutin enregistrée.',
  opened: 'Vote ouvert.',
  closed: 'Vote clos : le résultat est ci-dessous.',
  published: 'Résultats publiés.',
  deleted: (label: string) => `Scrutin sur ${label} supprimé.`,
  projectedNow: 'Projeté à l’écran.',
  confirmPublish: (label: string, effect: PublishEffect) =>
    `Publier les résultats du vote sur ${label} ? Ils prendront effet : ${effect.kind === 'amendments' || effect.kind === 'proposals' ? publishEffects[effect.kind](effect.count) : publishEffects[effect.kind]()}.`,
  phaseNeeded: (phase: string) =>
    `Les scrutins se créent et s’ouvrent en phase de vote seulement : ils figent le texte mis aux voix et la liste des votants. La motion est en phase « ${phase} ».`,
  phaseNeededLink: 'Changer de phase depuis la page du bureau',
  openDisabled: 'Ouverture impossible hors de la phase de vote.',
}
