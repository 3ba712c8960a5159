// French: 0 and 1 take the singular.
import { pluralUpToOne as plural } from './plural.ts'

/** The participants' import and re-import, and the check-in desk's overview. French, the reference for the other languages' keys. */
export const frPeople = {
  // The parser accepts both languages' headers (shared/participants/participant-rows.ts): the help says both.
  importHelp:
    'En-tête : nom, organisation, courriel, rôle (ou en anglais : name, organisation, email, role) — séparateur « ; » ou « , », UTF-8. Rôles : participant, délégué, bureau, conseiller (ou attendee, delegate, bureau, advisor). Une liste corrigée peut être importée de nouveau : chacun est reconnu par son courriel.',
  importChecking: 'Vérification…',
  previewHeading: 'Ce que l’import va changer',
  previewSummary: (added: number, changed: number, unchanged: number) =>
    `${plural(added, 'personne ajoutée', 'personnes ajoutées')}, ${plural(changed, 'personne modifiée', 'personnes modifiées')}, ${plural(unchanged, 'personne inchangée', 'personnes inchangées')}.`,
  previewUntouched: (n: number) => (n === 0 ? '' : `${plural(n, 'inscrit absent', 'inscrits absents')} du fichier ${n === 1 ? 'reste' : 'restent'} tel${n === 1 ? '' : 's'} quel${n === 1 ? '' : 's'} : un import ne supprime personne.`),
  previewKept: 'Les codes d’accès déjà remis restent valables ; seules les personnes ajoutées reçoivent un code.',
  previewErrors: (n: number) => `${plural(n, 'ligne à corriger', 'lignes à corriger')} : rien ne sera appliqué tant que le fichier en contient.`,
  previewAdded: 'Ajoutés',
  previewChanged: 'Modifiés',
  previewNothing: 'Le fichier ne change rien : tout le monde est déjà inscrit ainsi.',
  lineOf: (line: number) => `Ligne ${line}`,
  addedLine: (name: string, organisation: string, role: string) => `${name}${organisation ? ` (${organisation})` : ''}, ${role}`,
  namesake: 'un inscrit sans courriel porte déjà ce nom : cette ligne l’ajoute une seconde fois',
  fieldNames: { name: 'nom', organisation: 'organisation', role: 'rôle' } as Record<'name' | 'organisation' | 'role', string>,
  fieldChange: (field: string, from: string, to: string) => `${field} : ${from || '(vide)'} → ${to || '(vide)'}`,
  roleSignInAgain: 'son rôle change : elle se reconnecte avec le même code',
  apply: 'Appliquer ces changements',
  applying: 'Application…',
  cancel: 'Annuler',
  applied: (added: number, changed: number) => `Import appliqué : ${plural(added, 'personne ajoutée', 'personnes ajoutées')}, ${plural(changed, 'personne modifiée', 'personnes modifiées')}.`,
  /** Names the scrollable tables, which take the keyboard's focus to scroll at 390 px. */
  participantsTable: 'Tableau des participants',
  issuedTable: 'Codes d’accès émis',
  previewTable: 'Aperçu de l’import',
  // The check-in desk.
  roomCodeLabel: 'Code de la salle :',
  presentOnly: 'Présents seulement',
  byRoleHeading: 'Présents par rôle',
  byRole: (role: string, present: number, total: number) => `${role} : ${present} sur ${total}`,
  givesProxyTo: (holder: string) => `pouvoir donné à ${holder}`,
  holdsProxyOf: (givers: readonly string[]) => `porte le pouvoir de ${new Intl.ListFormat('fr', { type: 'conjunction' }).format(givers)}`,
  noneShown: 'Personne ne correspond.',
  absent: (name: string) => `${name} absent·e`,
  /** Said when "présents seulement" makes the row just unticked leave the list (the focus moves to its neighbour). */
  leftList: (name: string) => `${name} absent·e, retiré·e de la liste des présents`,
}
