import type { FieldProblem, FieldRule, FieldRuleName } from '../../../shared/parsed.ts'
import type { Language } from '../index.ts'

/** How one language says each rule a field broke, from the rule's parameters. */
type RuleMessages = { readonly [R in FieldRuleName]: (rule: Extract<FieldRule, { rule: R }>) => string }

interface ProblemMessages {
  readonly rules: RuleMessages
  /** The fields a person meets, in their words; any other is shown as the API names it. */
  readonly fields: Readonly<Record<string, string>>
  /** For a rule this client does not know yet (a newer server). */
  readonly notValid: string
  readonly line: (line: number, field: string, rule: string) => string
  readonly field: (field: string, rule: string) => string
}

const listFr = (values: readonly string[]) => values.map((v) => `« ${v} »`).join(', ').replace(/, ([^,]*)$/, ' ou $1')
const listEn = (values: readonly string[]) => values.map((v) => `“${v}”`).join(', ').replace(/, ([^,]*)$/, ' or $1')

const fr: ProblemMessages = {
  rules: {
    required: () => 'est obligatoire',
    text: () => 'doit être un texte',
    short_text: (r) => `doit être un texte non vide de ${r.max} caractères au plus`,
    max_length: (r) => `dépasse ${r.max} caractères`,
    control_characters: () => 'contient un caractère de contrôle',
    one_of: (r) => `doit valoir ${listFr(r.values)}`,
    integer_range: (r) => `doit être un nombre entier de ${r.min} à ${r.max}`,
    block: (r) => `de ${r.min} à ${r.max} propositions différentes`,
    share: () => 'doit être un nombre supérieur à 0 et au plus 1',
    boolean: () => 'doit valoir true ou false',
    date: () => 'doit être une date AAAA-MM-JJ',
    time_zone: () => 'doit être un fuseau horaire, comme Europe/Paris',
    sealed: () => 'ne change plus : la motion est scellée, et son procès-verbal nomme cette personne ainsi',
    email: () => 'n’est pas une adresse électronique valide',
    unknown_role: () => 'rôle inconnu (attendee, delegate, bureau ou advisor)',
    duplicate: (r) => (r.otherLine === undefined ? 'est déjà inscrit à ce congrès' : `figure déjà ligne ${r.otherLine}`),
    id: () => 'identifiant mal formé',
    id_or_null: () => 'doit être un identifiant, ou null',
    file_name: () => 'nom de fichier mal formé',
    token: (r) => `doit compter de ${r.min} à ${r.max} caractères parmi A-Z, a-z, 0-9, « - » et « _ »`,
    hex: (r) => `doit compter ${r.length} caractères hexadécimaux (0-9, a-f)`,
    object: () => 'doit être un objet',
    shape: (r) => `doit être de la forme ${r.shape}`,
    list_length: (r) => `doit être une liste de ${r.min} à ${r.max} éléments`,
    unknown_field: () => 'n’est pas un champ connu',
    json: () => 'n’est pas du JSON valide',
    missing_columns: (r) => `colonne(s) manquante(s) : ${r.columns.join(', ')} (attendu : name,organisation,email,role)`,
    no_rows: () => 'aucun participant dans le fichier',
    nothing_to_change: () => 'rien à modifier',
    role_locked: (r) =>
      r.reason === 'voted'
        ? 'ne change plus : cette personne figure sur la liste d’un scrutin déjà ouvert'
        : r.reason === 'self'
          ? 'votre propre rôle ne change pas par un import'
          : 'ne peut retirer le droit de vote tant qu’un pouvoir concerne cette personne (retirez d’abord le pouvoir)',
  },
  fields: {
    name: 'nom', organisation: 'organisation', email: 'courriel', role: 'rôle', header: 'en-tête', row: 'ligne',
    title: 'intitulé', place: 'lieu', edition: 'édition', date: 'date', minCosigners: 'cosignataires requis', timeZone: 'fuseau horaire', themeId: 'question', position: 'position',
    body: 'demande', phase: 'phase', code: 'code', roomCode: 'code de salle', participants: 'participants',
    justification: 'exposé des motifs', reason: 'motif', admissible: 'recevabilité', outcome: 'issue', status: 'statut',
    majority: 'majorité', base: 'base de la majorité', quorum: 'quorum', secrecy: 'secret du vote', proxies: 'procurations',
    durationSeconds: 'durée', choice: 'choix', advisorName: 'nom du conseiller', institution: 'institution', channel: 'canal de remise',
  },
  notValid: 'n’est pas valide',
  line: (line, field, rule) => `Ligne ${line}, ${field} : ${rule}`,
  field: (field, rule) => `${field} : ${rule}`,
}

const en: ProblemMessages = {
  rules: {
    required: () => 'is required',
    text: () => 'must be text',
    short_text: (r) => `must be a non-empty text of ${r.max} characters at most`,
    max_length: (r) => `is longer than ${r.max} characters`,
    control_characters: () => 'contains a control character',
    one_of: (r) => `must be ${listEn(r.values)}`,
    integer_range: (r) => `must be a whole number from ${r.min} to ${r.max}`,
    block: (r) => `from ${r.min} to ${r.max} different proposals`,
    share: () => 'must be a number above 0 and at most 1',
    boolean: () => 'must be true or false',
    date: () => 'must be a date YYYY-MM-DD',
    time_zone: () => 'must be a time zone, such as Europe/Paris',
    sealed: () => 'can no longer change: the motion is sealed, and its minutes name this person so',
    email: () => 'is not a valid email address',
    unknown_role: () => 'unknown role (attendee, delegate, bureau or advisor)',
    duplicate: (r) => (r.otherLine === undefined ? 'is already registered in this congress' : `already appears on line ${r.otherLine}`),
    id: () => 'is not a well-formed identifier',
    id_or_null: () => 'must be an identifier, or null',
    file_name: () => 'is not a well-formed file name',
    token: (r) => `must be ${r.min} to ${r.max} characters among A-Z, a-z, 0-9, “-” and “_”`,
    hex: (r) => `must be ${r.length} hexadecimal characters (0-9, a-f)`,
    object: () => 'must be an object',
    shape: (r) => `must be of the form ${r.shape}`,
    list_length: (r) => `must be a list of ${r.min} to ${r.max} items`,
    unknown_field: () => 'is not a known field',
    json: () => 'is not valid JSON',
    missing_columns: (r) => `missing column(s): ${r.columns.join(', ')} (expected: name,organisation,email,role)`,
    no_rows: () => 'no participant in the file',
    nothing_to_change: () => 'nothing to change',
    role_locked: (r) =>
      r.reason === 'voted'
        ? 'can no longer change: this person is on the roll of a ballot already opened'
        : r.reason === 'self'
          ? 'your own role does not change through an import'
          : 'cannot take the vote away while a proxy involves this person (revoke the proxy first)',
  },
  fields: {
    name: 'name', organisation: 'organisation', email: 'email', role: 'role', header: 'header', row: 'row',
    title: 'title', place: 'place', edition: 'edition', date: 'date', minCosigners: 'co-signers required', timeZone: 'time zone', themeId: 'question', position: 'position',
    body: 'request', phase: 'phase', code: 'code', roomCode: 'room code', participants: 'participants',
    justification: 'statement of reasons', reason: 'reason', admissible: 'admissibility', outcome: 'outcome', status: 'status',
    majority: 'majority', base: 'majority base', quorum: 'quorum', secrecy: 'secrecy', proxies: 'proxies',
    durationSeconds: 'duration', choice: 'choice', advisorName: 'advisor’s name', institution: 'institution', channel: 'delivery channel',
  },
  notValid: 'is not valid',
  line: (line, field, rule) => `Line ${line}, ${field}: ${rule}`,
  field: (field, rule) => `${field}: ${rule}`,
}

export const fieldProblemMessages: Readonly<Record<Language, ProblemMessages>> = { fr, en }

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * One problem of a refused input as the reader says it: "Line 3, email: is not a valid email
 * address". Never the server's French `message`.
 */
export function describeProblem(problem: FieldProblem, lang: Language): string {
  const messages = fieldProblemMessages[lang]
  // The catalog is indexed by the problem's own rule, so its parameters are that rule's: TypeScript
  // cannot follow the correlation through the union, hence the one widening.
  const say = (messages.rules as Partial<Record<string, (rule: FieldRule) => string>>)[problem.rule]
  const rule = say ? say(problem) : messages.notValid
  const field = Object.hasOwn(messages.fields, problem.field) ? (messages.fields[problem.field] ?? problem.field) : problem.field
  return problem.line === undefined ? capitalized(messages.field(field, rule)) : messages.line(problem.line, field, rule)
}
