/** What the bureau may change of a congress, validated the same way in the form and on the server. */
export interface CongressDetailsInput {
  title?: string
  edition?: number
  date?: string
  place?: string
  /** Accepted co-signers an amendment needs before it goes to the bureau. */
  minCosigners?: number
}

export type FieldProblem = { readonly field: string; readonly message: string }

const isoDate = /^\d{4}-\d{2}-\d{2}$/

function text(value: unknown, field: string, problems: FieldProblem[], max = 200): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '' || value.length > max || /[\u0000-\u001f\u007f]/.test(value)) {
    problems.push({ field, message: `doit être un texte non vide de ${max} caractères au plus` })
    return undefined
  }
  return value.trim()
}

function position(value: unknown, field: string, problems: FieldProblem[]): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
    problems.push({ field, message: 'doit être un entier à partir de 1' })
    return undefined
  }
  return value
}

export function parseCongressDetails(body: Record<string, unknown>): { value: CongressDetailsInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const value: CongressDetailsInput = {}
  const title = text(body.title, 'title', problems)
  const place = text(body.place, 'place', problems)
  const edition = position(body.edition, 'edition', problems)
  if (title !== undefined) value.title = title
  if (place !== undefined) value.place = place
  if (edition !== undefined) value.edition = edition
  if (body.date !== undefined) {
    if (typeof body.date !== 'string' || !isoDate.test(body.date) || Number.isNaN(Date.parse(body.date))) problems.push({ field: 'date', message: 'doit être une date AAAA-MM-JJ' })
    else value.date = body.date
  }
  if (body.minCosigners !== undefined) {
    const n = body.minCosigners
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100) problems.push({ field: 'minCosigners', message: 'doit être un entier de 0 à 100' })
    else value.minCosigners = n
  }
  if (problems.length === 0 && Object.keys(value).length === 0) problems.push({ field: 'body', message: 'rien à modifier' })
  return { value, problems }
}

export function parseTitled(body: Record<string, unknown>, required: boolean): { title?: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  if (required && body.title === undefined) problems.push({ field: 'title', message: 'le titre est obligatoire' })
  const title = text(body.title, 'title', problems, 300)
  return { title, problems }
}

export function parseMove(body: Record<string, unknown>): { themeId?: string; position?: number; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const pos = position(body.position, 'position', problems)
  let themeId: string | undefined
  if (body.themeId !== undefined) {
    if (typeof body.themeId !== 'string' || body.themeId === '') problems.push({ field: 'themeId', message: 'identifiant de question invalide' })
    else themeId = body.themeId
  }
  return { themeId, position: pos, problems }
}
