/**
 * The one shape of every parser in shared/: the value, or the problems found, each naming its
 * field (and, for imported rows, its line). The server answers 400 with them, the client shows them.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] }

export interface FieldProblem {
  readonly field: string
  readonly message: string
  /** The row of an import (1-based line of a CSV, or item of a JSON list). */
  readonly line?: number
}

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

export function invalid(field: string, message: string, line?: number): { readonly ok: false; readonly problems: readonly FieldProblem[] } {
  return { ok: false, problems: [line === undefined ? { field, message } : { field, message, line }] }
}

/** The value if no problem was collected, else every problem at once. */
export function collected<T>(value: T, problems: readonly FieldProblem[]): Parsed<T> {
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems }
}
