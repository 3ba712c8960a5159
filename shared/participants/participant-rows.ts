import { parseCsv } from '../csv.ts'
import type { Role } from '../roles.ts'

export interface ParticipantInput {
  readonly name: string
  readonly organisation: string
  readonly email: string | null
  readonly role: Role
}

export interface RowError {
  /** The file's line (CSV) or the item's position from 1 (JSON). */
  readonly line: number
  readonly field: 'name' | 'organisation' | 'email' | 'role' | 'header' | 'row'
  readonly message: string
}

export type ParseResult = { readonly ok: true; readonly rows: readonly ParticipantInput[]; readonly lines: readonly number[] } | { readonly ok: false; readonly errors: readonly RowError[] }

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

/** Checks one row; returns the participant or the errors, each naming the field. */
export function validateParticipant(raw: Partial<Record<Column, unknown>>, line: number): ParticipantInput | RowError[] {
  const errors: RowError[] = []
  const text = (field: Column): string => {
    const value = raw[field]
    if (value === undefined || value === null) return ''
    if (typeof value !== 'string') {
      errors.push({ line, field, message: 'doit être un texte' })
      return ''
    }
    const trimmed = value.trim()
    if (trimmed.length > maxLength) errors.push({ line, field, message: `dépasse ${maxLength} caractères` })
    // Control characters have no place in a name and can hide text in exports.
    if (/[\u0000-\u001f\u007f]/.test(trimmed)) errors.push({ line, field, message: 'contient un caractère de contrôle' })
    return trimmed
  }
  const name = text('name')
  const organisation = text('organisation')
  const email = text('email').toLowerCase()
  const roleText = text('role').toLowerCase()
  const hasError = (field: Column) => errors.some((e) => e.field === field)
  if (!name && !hasError('name')) errors.push({ line, field: 'name', message: 'le nom est obligatoire' })
  if (email && !emailPattern.test(email)) errors.push({ line, field: 'email', message: `adresse invalide : « ${email} »` })
  const role = roleAliases[roleText]
  if (!role && !hasError('role')) {
    errors.push({ line, field: 'role', message: roleText ? `rôle inconnu : « ${roleText} » (attendee, delegate, bureau ou advisor)` : 'le rôle est obligatoire' })
  }
  if (errors.length > 0 || !role) return errors
  return { name, organisation, email: email || null, role }
}

function finish(rows: { input: ParticipantInput; line: number }[], errors: RowError[]): ParseResult {
  const seen = new Map<string, number>()
  for (const { input, line } of rows) {
    if (!input.email) continue
    const first = seen.get(input.email)
    if (first !== undefined) errors.push({ line, field: 'email', message: `« ${input.email} » figure déjà ligne ${first}` })
    else seen.set(input.email, line)
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, field: 'row', message: 'aucun participant dans le fichier' })
  errors.sort((a, b) => a.line - b.line)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: rows.map((r) => r.input), lines: rows.map((r) => r.line) }
}

/** Reads a participants CSV (header `name,organisation,email,role`, `;` or `,`); all or nothing. */
export function parseParticipantsCsv(text: string): ParseResult {
  const { records } = parseCsv(text)
  const [header, ...body] = records
  if (!header) return { ok: false, errors: [{ line: 1, field: 'header', message: 'fichier vide' }] }
  const positions = new Map<Column, number>()
  header.fields.forEach((raw, index) => {
    const column = headerAliases[raw.trim().toLowerCase()]
    if (column && !positions.has(column)) positions.set(column, index)
  })
  const missing = columns.filter((c) => c !== 'email' && c !== 'organisation' && !positions.has(c))
  if (missing.length > 0) {
    return { ok: false, errors: [{ line: header.line, field: 'header', message: `colonne manquante : ${missing.join(', ')} (attendu : name,organisation,email,role)` }] }
  }
  const rows: { input: ParticipantInput; line: number }[] = []
  const errors: RowError[] = []
  for (const record of body) {
    const raw: Partial<Record<Column, string>> = {}
    for (const [column, index] of positions) raw[column] = record.fields[index] ?? ''
    const result = validateParticipant(raw, record.line)
    if (Array.isArray(result)) errors.push(...result)
    else rows.push({ input: result, line: record.line })
  }
  return finish(rows, errors)
}

/** Reads participants sent as a JSON array of {name, organisation, email, role}; all or nothing. */
export function parseParticipantsJson(value: unknown): ParseResult {
  if (!Array.isArray(value)) return { ok: false, errors: [{ line: 1, field: 'row', message: 'un tableau de participants est attendu' }] }
  const rows: { input: ParticipantInput; line: number }[] = []
  const errors: RowError[] = []
  value.forEach((item: unknown, index) => {
    const line = index + 1
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ line, field: 'row', message: 'un objet est attendu' })
      return
    }
    const result = validateParticipant(item as Partial<Record<Column, unknown>>, line)
    if (Array.isArray(result)) errors.push(...result)
    else rows.push({ input: result, line })
  })
  return finish(rows, errors)
}
