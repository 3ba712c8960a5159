/**
 * A table of labels read by a key the server sends as a plain string (an audit action, a subject
 * kind): typed as such so that a lookup may miss, and the page falls back to the key itself.
 */
export function labels(table: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  return table
}
