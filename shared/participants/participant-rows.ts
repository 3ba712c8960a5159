import { parseCsv } from '../csv.ts'
import { collected, invalid, type FieldProblem, type Parsed } from '../parsed.ts'
import type { Role } from '../roles.ts'

export interface ParticipantInput {
  readonly name: string
  readonly organisation: string
  readonly email: string | null
  readonly role: Role
}

/**
 * The people of an import, all checked, and where each came from (the file's line for a CSV, the
 * item's position from 1 for JSON), to name it in a later refusal. A problem names its `line` and
 * its field: name, organisation, email, role, header or row.
 */
export interface ParticipantRows {
  readonly rows: readonly ParticipantInput[]
  readonly lines: readonly number[]
}

type RowProblem = FieldProblem & { readonly line: number }

const columns = ['name', 'organisation', 'email', 'role'] as const
type Column = (typeof columns)[number]

/** Header names accepted for each column: the English ones of the template, and French ones. */
const headerAliases: Record<string, Column> = {
  name: 'name', nom: 'name', 'nom complet': 'name',
  organisation: 'organisation', organization: 'organisation', collectivite: 'organisation', 'collectivité': 'organisation', structure: 'organisation',
  email: 'email', 'e-mail': 'email', mail: 'email', courriel: 'email', 'adresse électronique': 'email',
  role: 'role', 'rôle': 'role',
}

/** Role names accepted, in English (the API's) and in French (what a bureau types). */
const roleAliases: Record<string, Role> = {
  attendee: 'attendee', participant: 'attendee', participante: 'attendee', 'participant·e': 'attendee',
  delegate: 'delegate', 'délégué': 'delegate', 'déléguée': 'delegate', delegue: 'delegate', deleguee: 'delegate', 'délégué·e': 'delegate',
  bureau: 'bureau',
  advisor: 'advisor', adviser: 'advisor', conseiller: 'advisor', conseillere: 'advisor', 'conseillère': 'advisor', 'conseiller·e': 'advisor',
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const maxLength = 200

/** Checks one row; returns the participant or the problems, each naming its field and line. */
export function validateParticipant(raw: Partial<Record<Column, unknown>>, line: number): ParticipantInput | RowProblem[] {
  const problems: RowProblem[] = []
  const text = (field: Column): string => {
    const value = raw[field]
    if (value === undefined || value === null) return ''
    if (typeof value !== 'string') {
      problems.push({ line, field, rule: 'text', message: 'doit être un texte' })
      return ''
    }
    const trimmed = value.trim()
    if (trimmed.length > maxLength) problems.push({ line, field, rule: 'max_length', max: maxLength, message: `dépasse ${maxLength} caractères` })
    // Control characters have no place in a name and can hide text in exports.
    if (/[\u0000-\u001f\u007f]/.test(trimmed)) problems.push({ line, field, rule: 'control_characters', message: 'contient un caractère de contrôle' })
    return trimmed
  }
  const name = text('name')
  const organisation = text('organisation')
  const email = text('email').toLowerCase()
  const roleText = text('role').toLowerCase()
  const hasProblem = (field: Column) => problems.some((e) => e.field === field)
  if (!name && !hasProblem('name')) problems.push({ line, field: 'name', rule: 'required', message: 'le nom est obligatoire' })
  if (email && !emailPattern.test(email)) problems.push({ line, field: 'email', rule: 'email', message: `adresse invalide : « ${email} »` })
  const role = roleAliases[roleText]
  if (!role && !hasProblem('role')) {
    problems.push(
      roleText
        ? { line, field: 'role', rule: 'unknown_role', message: `rôle inconnu : « ${roleText} » (attendee, delegate, bureau ou advisor)` }
        : { line, field: 'role', rule: 'required', message: 'le rôle est obligatoire' },
    )
  }
  if (problems.length > 0 || !role) return problems
  return { name, organisation, email: email || null, role }
}

function finish(rows: { input: ParticipantInput; line: number }[], problems: RowProblem[]): Parsed<ParticipantRows> {
  const seen = new Map<string, number>()
  for (const { input, line } of rows) {
    if (!input.email) continue
    const first = seen.get(input.email)
    if (first !== undefined) problems.push({ line, field: 'email', rule: 'duplicate', otherLine: first, message: `« ${input.email} » figure déjà ligne ${first}` })
    else seen.set(input.email, line)
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, field: 'row', rule: 'no_rows', message: 'aucun participant dans le fichier' })
  problems.sort((a, b) => a.line - b.line)
  return collected({ rows: rows.map((r) => r.input), lines: rows.map((r) => r.line) }, problems)
}

/** Reads a participants CSV (header `name,organisation,email,role`, `;` or `,`); all or nothing. */
export function parseParticipantsCsv(text: string): Parsed<ParticipantRows> {
  const { records } = parseCsv(text)
  const [header, ...body] = records
  if (!header) return invalid('header', { rule: 'no_rows' }, 'fichier vide', 1)
  const positions = new Map<Column, number>()
  header.fields.forEach((raw, index) => {
    const column = headerAliases[raw.trim().toLowerCase()]
    if (column && !positions.has(column)) positions.set(column, index)
  })
  const missing = columns.filter((c) => c !== 'email' && c !== 'organisation' && !positions.has(c))
  if (missing.length > 0) {
    return invalid('header', { rule: 'missing_columns', columns: missing }, `colonne manquante : ${missing.join(', ')} (attendu : name,organisation,email,role)`, header.line)
  }
  const rows: { input: ParticipantInput; line: number }[] = []
  const problems: RowProblem[] = []
  for (const record of body) {
    const raw: Partial<Record<Column, string>> = {}
    for (const [column, index] of positions) raw[column] = record.fields[index] ?? ''
    const result = validateParticipant(raw, record.line)
    if (Array.isArray(result)) problems.push(...result)
    else rows.push({ input: result, line: record.line })
  }
  return finish(rows, problems)
}

/** Reads participants sent as a JSON array of {name, organisation, email, role}; all or nothing. */
export function parseParticipantsJson(value: unknown): Parsed<ParticipantRows> {
  if (!Array.isArray(value)) return invalid('row', { rule: 'shape', shape: '[{ name, organisation, email, role }]' }, 'un tableau de participants est attendu', 1)
  const rows: { input: ParticipantInput; line: number }[] = []
  const problems: RowProblem[] = []
  value.forEach((item: unknown, index) => {
    const line = index + 1
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ line, field: 'row', rule: 'object', message: 'un objet est attendu' })
      return
    }
    const result = validateParticipant(item as Partial<Record<Column, unknown>>, line)
    if (Array.isArray(result)) problems.push(...result)
    else rows.push({ input: result, line })
  })
  return finish(rows, problems)
}
