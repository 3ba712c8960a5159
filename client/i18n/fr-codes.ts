import { labels } from './labels.ts'

/** Access codes shown once, and one's own sign-ins and votes (French, the reference). */
export const frCodes = {
  issuedHeading: 'Codes d’accès à remettre maintenant',
  issuedWarning:
    'Ces codes ne seront plus jamais affichés : le serveur n’en garde qu’une empreinte. Téléchargez et imprimez la feuille maintenant. Pour réimprimer une carte plus tard, il faut donner un nouveau code (l’ancien cesse alors de fonctionner).',
  issuedSheet: 'Télécharger la feuille des codes (PDF)',
  issuedSheetPending: 'Préparation du PDF…',
  issuedSheetReady: 'Feuille des codes téléchargée.',
  issuedDismiss: 'J’ai imprimé ces codes : les masquer',
  issuedCode: 'Code d’accès',
  reissuedDone: (name: string) => `Nouveau code pour ${name} : il est affiché ci-dessous, une seule fois. L’ancien ne fonctionne plus.`,
  reprintHint: 'Les codes ne sont affichés qu’une fois, juste après l’import. Pour réimprimer la carte de quelqu’un, donnez-lui un nouveau code.',
  activityHeading: 'Mes connexions et mes votes',
  activityIntro: 'Chaque entrée avec votre code d’accès est listée ici, et chaque vote exprimé avec lui. Si une ligne n’est pas de vous, prévenez le bureau et demandez un nouveau code.',
  signInsCaption: 'Connexions avec votre code',
  signInWhen: 'Quand',
  signInDevice: 'Appareil',
  signInSession: 'Session',
  device: (browser: string, os: string) => (browser && os ? `${browser} sur ${os}` : browser || os || 'Appareil inconnu'),
  thisSession: 'cette session',
  signedOut: (when: string) => `terminée le ${when}`,
  noSignIns: 'Aucune connexion enregistrée.',
  votesCaption: 'Votes exprimés avec votre code ou en votre nom',
  voteWhen: 'Quand',
  voteSubject: 'Scrutin',
  voteFor: 'Pour qui',
  voteForSelf: 'vous',
  voteForProxy: (name: string) => `${name} (procuration)`,
  voteWhenUnknown: 'heure non enregistrée',
  noVotes: 'Aucun vote exprimé avec votre code.',
  subjectKinds: labels({ amendment: 'Amendement', proposal: 'Proposition', motion: 'Motion' }),
}

export type CodesMessages = typeof frCodes
