import type { Context } from 'hono'
import { validator } from 'hono/validator'
import { invalid, type FieldProblem, type FieldRule, type Parsed } from '../shared/parsed.ts'
import { fail } from './domain-error.ts'

// Every route that takes a body, a path parameter or a query declares its check here, through
// Hono's validator: the check runs before the handler, which reads the typed value from
// `c.req.valid(…)`, and a bad request never reaches a service.

/** A 400 naming one field and what it must be, `message` being the whole sentence. */
const badRequest = (field: string, rule: FieldRule, message: string) => fail('bad_request', { field }, message, invalid(field, rule, message).problems)

/** The JSON body of a request as an object, or a 400 that says what is wrong with it. */
async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw badRequest('body', { rule: 'json' }, 'Le corps de la requête doit être du JSON valide.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('body', { rule: 'object' }, 'Le corps de la requête doit être un objet JSON.')
  return body as Record<string, unknown>
}

/**
 * A JSON object body, checked by `check` (which throws a 400 naming the field, see `valid`). The
 * check returns the request's shape as declared in shared/requests/: that type is both what
 * the handler reads and what hc<AppType> makes the client send.
 */
export function jsonBody<T extends object>(check: (body: Record<string, unknown>) => T) {
  return validator('json', async (_value: T, c): Promise<T> => check(await readJsonObject(c)))
}

/** As `jsonBody`, for actions whose options may be left out: no body at all reads as {}. */
export function optionalJsonBody<T extends object>(check: (body: Record<string, unknown>) => T) {
  return validator('json', async (_value: T, c): Promise<T> => check((await c.req.text()).trim() === '' ? {} : await readJsonObject(c)))
}

// Row ids are 16 base64url characters; a bundle file is a plain file name.
const idPattern = /^[A-Za-z0-9_-]{1,64}$/
const fileNamePattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/

/** Every path parameter is an id (or, for `:file`, a file name): anything else is a 400. */
export const validParams = validator('param', (params: Record<string, string>) => {
  for (const [name, value] of Object.entries(params)) {
    const isFile = name === 'file'
    if (!(isFile ? fileNamePattern : idPattern).test(value)) throw badRequest(name, { rule: isFile ? 'file_name' : 'id' }, `Paramètre « ${name} » : identifiant mal formé.`)
  }
  return params
})

export function requireString(body: Record<string, unknown>, field: string, maxLength = 200): string {
  const value = body[field]
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw badRequest(field, { rule: 'short_text', max: maxLength }, `Le champ « ${field} » doit être un texte non vide de ${maxLength} caractères au plus.`)
  }
  return value
}

/** A value checked by one of shared/'s parsers, or a 400 naming each field (`details`). */
export function valid<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value
  throw refused(parsed.problems)
}

/** The 400 of a refused input: every problem in `details`, the first field in the error itself. */
function refused(problems: readonly FieldProblem[]) {
  const [first] = problems
  const message = problems.map((p) => `Champ « ${p.field} » : ${p.message}.`).join(' ')
  return fail('bad_request', first ? { field: first.field } : {}, message, problems)
}
