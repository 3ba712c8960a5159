/** The projector's messages: the wall, its idle screen, and the bureau's controls for it. French, the reference for the other languages' keys. */
export const frProjector = {
  /** Under "Vote sur : P2-A1": the text it amends, or the proposal's title. */
  amends: (text: string) => `Modifie : ${text}`,
  preamble: 'Préambule',
  proposal: (n: number, title: string) => `Proposition ${n} — ${title}`,
  /** The idle wall: the congress, its phase, how to join, what comes next. */
  idleEdition: (edition: number, place: string) => `${edition}${edition === 1 ? 're' : 'e'} édition${place ? ` · ${place}` : ''}`,
  idlePhase: (phase: string) => `Phase : ${phase.toLocaleLowerCase('fr')}`,
  idleJoin: 'Rejoindre la séance',
  idleJoinHow: 'Scannez le QR code ou ouvrez :',
  idleRoomCode: 'Code de la salle',
  idleRoomCodeHow: 'Pour vous enregistrer présent·e, saisissez ce code sur la page de vote.',
  nextBallot: 'Prochain scrutin',
  noBallotYet: 'Aucun scrutin n’est encore préparé.',
  /** The bureau's controls (hidden on the wall in full screen until the pointer or the keyboard reaches them). */
  tools: 'Réglages de l’écran',
  fullScreen: 'Plein écran',
  leaveFullScreen: 'Quitter le plein écran',
  fullScreenRefused: 'Le navigateur a refusé le plein écran (touche F11 sinon).',
  textSize: 'Taille du texte',
  smaller: 'Réduire le texte',
  larger: 'Agrandir le texte',
  sizeNow: (percent: number) => `${percent} %`,
  sizeKept: 'Réglage gardé sur cet appareil.',
}

export type ProjectorMessages = typeof frProjector
