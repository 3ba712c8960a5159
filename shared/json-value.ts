/** A JSON object as received: its fields still to be checked one by one. */
export type JsonFields = Readonly<Record<string, unknown>>

/** A list of strings, and nothing else in it. */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'string')
}

export function isJsonObject(value: unknown): value is JsonFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object a text holds, or undefined if it is not JSON or not an object: never a guess. */
export function parseJsonObject(text: string): JsonFields | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isJsonObject(value) ? value : undefined
  } catch {
    return undefined
  }
}
