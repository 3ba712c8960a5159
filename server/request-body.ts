import type { Context } from 'hono'
import type { Parsed } from '../shared/amendments/amendment-input.ts'
import { AppError } from './app-error.ts'

/** The JSON body of a request as an object, or a 400 that says what is wrong with it. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new AppError(400, 'bad_request', 'Le corps de la requête doit être du JSON valide.')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError(400, 'bad_request', 'Le corps de la requête doit être un objet JSON.')
  }
  return body as Record<string, unknown>
}

export function requireString(body: Record<string, unknown>, field: string, maxLength = 200): string {
  const value = body[field]
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw new AppError(400, 'bad_request', `Le champ « ${field} » doit être un texte non vide de ${maxLength} caractères au plus.`)
  }
  return value
}

/** A value checked by one of shared/'s parsers, or a 400 naming the field. */
export function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new AppError(400, 'bad_request', `Champ « ${parsed.field} » : ${parsed.message}.`)
  return parsed.value
}
