import type { Context } from 'hono'
import { validator } from 'hono/validator'
import type { Parsed } from '../shared/parsed.ts'
import { fail } from './domain-error.ts'

// Every route that takes a body, a path parameter or a query declares its check here, through
// Hono's validator: the check runs before the handler, which reads the typed value from
// `c.req.valid(…)`, and a bad request never reaches a service.

const badRequest = (message: string, field?: string) => fail('bad_request', field === undefined ? {} : { field }, message)

/** The JSON body of a request as an object, or a 400 that says what is wrong with it. */
async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw badRequest('Le corps de la requête doit être du JSON valide.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Le corps de la requête doit être un objet JSON.')
  return body as Record<string, unknown>
}

/**
 * A JSON object body, checked by `check` (which throws a 400 naming the field, see `valid`). The
 * check returns the request's shape as declared in shared/api-requests.ts: that type is both what
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
    if (!(name === 'file' ? fileNamePattern : idPattern).test(value)) throw badRequest(`Paramètre « ${name} » : identifiant mal formé.`, name)
  }
  return params
})

export function requireString(body: Record<string, unknown>, field: string, maxLength = 200): string {
  const value = body[field]
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw badRequest(`Le champ « ${field} » doit être un texte non vide de ${maxLength} caractères au plus.`, field)
  }
  return value
}

/** A value checked by one of shared/'s parsers, or a 400 naming each field (`details`). */
export function valid<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value
  const [first] = parsed.problems
  const message = parsed.problems.map((p) => `Champ « ${p.field} » : ${p.message}.`).join(' ')
  throw fail('bad_request', first ? { field: first.field } : {}, message, parsed.problems)
}
