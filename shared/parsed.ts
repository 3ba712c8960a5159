/**
 * The one shape of every parser in shared/: the value, or the problems found, each naming its
 * field (and, for imported rows, its line). The server answers 400 with them, the client shows them.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] }

/**
 * What a field must be, as data: the client says it in the reader's language (the `message` beside
 * it is the server's French sentence, for API users). One rule per kind of check, with the limits a
 * sentence needs.
 */
export type FieldRule =
  | { readonly rule: 'required' }
  /** A string (any length). */
  | { readonly rule: 'text' }
  /** A non-empty string, `max` characters at most (structure and seal fields also refuse control characters). */
  | { readonly rule: 'short_text'; readonly max: number }
  | { readonly rule: 'max_length'; readonly max: number }
  | { readonly rule: 'control_characters' }
  | { readonly rule: 'one_of'; readonly values: readonly string[] }
  | { readonly rule: 'integer_range'; readonly min: number; readonly max: number }
  /** A number above 0 and at most 1. */
  | { readonly rule: 'share' }
  /** Several distinct proposals for one vote en bloc. */
  | { readonly rule: 'block'; readonly min: number; readonly max: number }
  | { readonly rule: 'boolean' }
  /** A day, AAAA-MM-JJ. */
  | { readonly rule: 'date' }
  | { readonly rule: 'time_zone' }
  /** The motion is sealed: a person it names no longer changes (a re-import may only add people). */
  | { readonly rule: 'sealed' }
  | { readonly rule: 'email' }
  | { readonly rule: 'unknown_role' }
  /** Already in the file (`otherLine`), or already registered in the congress (no `otherLine`). */
  | { readonly rule: 'duplicate'; readonly otherLine?: number }
  /** The identifier of a row (or a path parameter's). */
  | { readonly rule: 'id' }
  | { readonly rule: 'id_or_null' }
  /** A path parameter naming a file. */
  | { readonly rule: 'file_name' }
  /** `min` to `max` characters among A-Z, a-z, 0-9, « - » and « _ ». */
  | { readonly rule: 'token'; readonly min: number; readonly max: number }
  | { readonly rule: 'hex'; readonly length: number }
  | { readonly rule: 'object' }
  /** An object of this form, written as in the API (the same in every language). */
  | { readonly rule: 'shape'; readonly shape: string }
  | { readonly rule: 'list_length'; readonly min: number; readonly max: number }
  | { readonly rule: 'unknown_field' }
  | { readonly rule: 'json' }
  | { readonly rule: 'missing_columns'; readonly columns: readonly string[] }
  /** An import without a single participant. */
  | { readonly rule: 'no_rows' }
  /** A change that changes nothing. */
  | { readonly rule: 'nothing_to_change' }
  /** A re-import may not change this person's role (shared/participants/reimport-plan.ts). */
  | { readonly rule: 'role_locked'; readonly reason: 'voted' | 'self' | 'proxy' }

export type FieldRuleName = FieldRule['rule']

export type FieldProblem = FieldRule & {
  readonly field: string
  readonly message: string
  /** The row of an import (1-based line of a CSV, or item of a JSON list). */
  readonly line?: number
}

/**
 * A problem as received (in an error's `details`): its field, message, line and rule name. The
 * rule's own parameters are not checked: a client says an unknown rule in general terms.
 */
export function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false
  if (!('field' in value && typeof value.field === 'string' && 'message' in value && typeof value.message === 'string')) return false
  return 'rule' in value && typeof value.rule === 'string' && (!('line' in value) || value.line === undefined || typeof value.line === 'number')
}

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

/** One problem, as a refused parse: `invalid('title', { rule: 'required' }, 'est obligatoire')`. */
export function invalid(field: string, rule: FieldRule, message: string, line?: number): { readonly ok: false; readonly problems: readonly FieldProblem[] } {
  return { ok: false, problems: [{ ...rule, field, message, ...(line === undefined ? {} : { line }) }] }
}

/** The value if no problem was collected, else every problem at once. */
export function collected<T>(value: T, problems: readonly FieldProblem[]): Parsed<T> {
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems }
}
