import { parseBallotRule } from '../shared/ballots/ballot-rule-input.ts'
import type { BallotRule } from '../shared/ballots/ballot-rule.ts'
import type { BallotOutcome, Tally } from '../shared/ballots/tally-types.ts'

/**
 * The one decoder of each JSON column. A value that does not decode means the file was changed
 * behind the app (or a bug wrote it): it throws, naming the column, instead of guessing a default.
 */
export class CorruptColumnError extends Error {
  constructor(column: string, detail: string) {
    super(`corrupt ${column}: ${detail}`)
    this.name = 'CorruptColumnError'
  }
}

function parse(column: string, text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new CorruptColumnError(column, 'not JSON')
  }
}

/** ballots.rule, and congresses.ballot_rule when set. */
export function decodeBallotRule(text: string, column = 'ballots.rule'): BallotRule {
  const rule = parseBallotRule(parse(column, text))
  if (!rule.ok) throw new CorruptColumnError(column, rule.problems.map((p) => `${p.field} ${p.message}`).join('; '))
  return rule.value
}

const tallyCounts = ['yes', 'no', 'abstain', 'cast', 'expressed', 'base', 'threshold', 'quorumRequired'] as const
const outcomes: readonly BallotOutcome[] = ['adopted', 'rejected', 'no-quorum']

/** ballots.result: null until the ballot is closed. */
export function decodeTally(text: string | null): Tally | null {
  if (text === null) return null
  const value = parse('ballots.result', text)
  if (typeof value !== 'object' || value === null) throw new CorruptColumnError('ballots.result', 'not an object')
  const tally = value as Record<string, unknown>
  for (const key of tallyCounts) {
    const n = tally[key]
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new CorruptColumnError('ballots.result', `${key} is not a count`)
  }
  if (typeof tally.quorumMet !== 'boolean') throw new CorruptColumnError('ballots.result', 'quorumMet is not a boolean')
  if (!outcomes.includes(tally.outcome as BallotOutcome)) throw new CorruptColumnError('ballots.result', 'unknown outcome')
  return tally as unknown as Tally
}

/** A list of row ids (amendments.conflicts). */
export function decodeIdList(text: string, column: string): string[] {
  const value = parse(column, text)
  if (!Array.isArray(value) || !value.every((x): x is string => typeof x === 'string')) throw new CorruptColumnError(column, 'not a list of ids')
  return value
}

/** A JSON object (audit_log.payload, ballot_structures.structure): its shape is its reader's. */
export function decodeObject(text: string, column: string): Record<string, unknown> {
  const value = parse(column, text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CorruptColumnError(column, 'not an object')
  return value as Record<string, unknown>
}
