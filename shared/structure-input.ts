import { collected, type FieldProblem, type Parsed } from './parsed.ts'
import { isTimeZone } from './record/record-dates.ts'
import type { CongressDetailsRequest, NewProposalRequest, NewThemeRequest, ProposalChangeRequest, ThemeChangeRequest } from './requests/congress-requests.ts'

// The congress's details and structure as the bureau sends them, checked the same way in the form
// and on the server.

/** The form's name for the details request. */
export type CongressDetailsInput = CongressDetailsRequest

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const maxPosition = 10_000

function text(value: unknown, field: string, problems: FieldProblem[], max = 200): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '' || value.length > max || /[\u0000-\u001f\u007f]/.test(value)) {
    problems.push({ field, rule: 'short_text', max, message: `doit être un texte non vide de ${max} caractères au plus` })
    return undefined
  }
  return value.trim()
}

function position(value: unknown, field: string, problems: FieldProblem[]): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maxPosition) {
    problems.push({ field, rule: 'integer_range', min: 1, max: maxPosition, message: 'doit être un entier à partir de 1' })
    return undefined
  }
  return value
}

function themeIdOf(value: unknown, problems: FieldProblem[]): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') {
    problems.push({ field: 'themeId', rule: 'id', message: 'identifiant de question invalide' })
    return undefined
  }
  return value
}

function title(body: Record<string, unknown>, required: boolean, problems: FieldProblem[]): string | undefined {
  if (required && body.title === undefined) problems.push({ field: 'title', rule: 'required', message: 'le titre est obligatoire' })
  return text(body.title, 'title', problems, 300)
}

/** Only the fields given: the log records what was asked to change. */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

export function parseCongressDetails(body: Record<string, unknown>): Parsed<CongressDetailsRequest> {
  const problems: FieldProblem[] = []
  let date: string | undefined
  if (body.date !== undefined) {
    if (typeof body.date !== 'string' || !isoDate.test(body.date) || Number.isNaN(Date.parse(body.date))) problems.push({ field: 'date', rule: 'date', message: 'doit être une date AAAA-MM-JJ' })
    else date = body.date
  }
  let minCosigners: number | undefined
  if (body.minCosigners !== undefined) {
    const n = body.minCosigners
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100) problems.push({ field: 'minCosigners', rule: 'integer_range', min: 0, max: 100, message: 'doit être un entier de 0 à 100' })
    else minCosigners = n
  }
  let timeZone: string | undefined
  if (body.timeZone !== undefined) {
    if (typeof body.timeZone !== 'string' || !isTimeZone(body.timeZone)) problems.push({ field: 'timeZone', rule: 'time_zone', message: 'doit être un fuseau horaire, comme Europe/Paris' })
    else timeZone = body.timeZone
  }
  const value = given({ title: text(body.title, 'title', problems), place: text(body.place, 'place', problems), edition: position(body.edition, 'edition', problems), date, minCosigners, timeZone })
  if (problems.length === 0 && Object.keys(value).length === 0) problems.push({ field: 'body', rule: 'nothing_to_change', message: 'rien à modifier' })
  return collected(value, problems)
}

export function parseNewTheme(body: Record<string, unknown>): Parsed<NewThemeRequest> {
  const problems: FieldProblem[] = []
  return collected({ title: title(body, true, problems) ?? '' }, problems)
}

export function parseThemeChange(body: Record<string, unknown>): Parsed<ThemeChangeRequest> {
  const problems: FieldProblem[] = []
  return collected({ title: title(body, false, problems), position: position(body.position, 'position', problems) }, problems)
}

export function parseNewProposal(body: Record<string, unknown>): Parsed<NewProposalRequest> {
  const problems: FieldProblem[] = []
  const value = { title: title(body, true, problems) ?? '', themeId: themeIdOf(body.themeId, problems) ?? '' }
  if (body.themeId === undefined) problems.push({ field: 'themeId', rule: 'required', message: 'la question est obligatoire' })
  // A new proposal goes last in its question; a position sent anyway must still be well formed.
  position(body.position, 'position', problems)
  return collected(value, problems)
}

export function parseProposalChange(body: Record<string, unknown>): Parsed<ProposalChangeRequest> {
  const problems: FieldProblem[] = []
  return collected({ title: title(body, false, problems), themeId: themeIdOf(body.themeId, problems), position: position(body.position, 'position', problems) }, problems)
}
