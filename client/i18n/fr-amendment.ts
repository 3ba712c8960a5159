/** The amendment page: unsaved changes, the bureau's ruling and its change, decisions without a vote. French, the reference. */
export const frAmendment = {
  unsaved: 'Modifications non enregistrées',
  leaveUnsaved: 'Des modifications ne sont pas enregistrées sur cette page. Les abandonner et quitter la page ?',
  justificationSaved: 'Exposé des motifs enregistré.',
  textSavesItself: 'Le texte s’enregistre à chaque frappe, sans bouton.',
  submitSavesFirst: 'Le dépôt enregistre d’abord l’exposé des motifs tel qu’il est écrit.',
  submitted: 'Amendement déposé auprès du bureau.',
  /** "Déclaré recevable par Léa Martin le 3 décembre 2026, 14 h 05". */
  ruledBy: (admissible: boolean, by: string | null, at: string) => `Déclaré ${admissible ? 'recevable' : 'irrecevable'}${by ? ` par ${by}` : ' depuis la ligne de commande'} le ${at}`,
  /** The ruling's reason, introduced (French puts a space before the colon, English none). */
  reasonLabel: 'Motif :',
  rulingChangeHeading: 'Changer la décision',
  rulingChangeHelp: (admissible: boolean) =>
    `L’amendement deviendra ${admissible ? 'irrecevable' : 'recevable'}. Le motif est obligatoire et figure au journal des décisions, avec la décision qu’il remplace.`,
  rulingChangeReason: 'Motif du changement',
  rulingChangeTo: (admissible: boolean): string => (admissible ? 'Déclarer irrecevable' : 'Déclarer recevable'),
  rulingChanged: (admissible: boolean) => `Décision changée : l’amendement est ${admissible ? 'recevable' : 'irrecevable'}.`,
  rulingFixed: 'Cette décision ne peut plus changer : un scrutin sur l’amendement ou sur un de ses sous-amendements a été préparé, ou le texte visé a été mis aux voix.',
  ruled: (admissible: boolean) => `L’amendement est déclaré ${admissible ? 'recevable' : 'irrecevable'}.`,
  decisionHeading: 'Décider sans vote',
  decisionHelp: 'D’ordinaire, l’assemblée vote : préparez un scrutin depuis la page des scrutins. Ces boutons décident sans vote.',
  adoptConfirm: (label: string, text: string) =>
    `Adopter ${label} sans vote ? Son changement sera intégré aussitôt au texte (${text}) ; les amendements recevables qui modifient les mêmes lignes tomberont. Cela figure au journal et ne s’annule pas.`,
  rejectConfirm: (label: string) => `Rejeter ${label} sans vote ? Ses sous-amendements en attente tomberont avec lui. Cela figure au journal et ne s’annule pas.`,
  mergeConfirm: (label: string) => `Intégrer ${label} au texte maintenant ? Vérifiez d’abord qu’il s’accorde avec les amendements déjà intégrés sur les mêmes lignes.`,
  adopted: (merged: boolean): string => (merged ? 'Amendement adopté et intégré au texte.' : 'Amendement adopté ; il attend sa vérification avant d’être intégré.'),
  rejected: 'Amendement rejeté.',
  merged: 'Amendement intégré au texte.',
  opinionSaved: 'Avis du bureau enregistré.',
}
