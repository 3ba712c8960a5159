import { parseBallotRule } from '../shared/ballots/ballot-rule-input.ts'
import type { BallotRule } from '../shared/ballots/ballot-rule.ts'
import type { BallotOutcome, Tally } from '../shared/ballots/tally-types.ts'
import { congressFields, type VotedPlace } from '../shared/ballots/voted-place.ts'

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

/** A list of texts (ballot_parts.blocks). */
export function decodeTextList(text: string, column: string): string[] {
  const value = parse(column, text)
  if (!Array.isArray(value) || !value.every((x): x is string => typeof x === 'string')) throw new CorruptColumnError(column, 'not a list of texts')
  return value
}

/** A list of positions from 0 (ballot_parts.positions). */
export function decodePositions(text: string, column = 'ballot_parts.positions'): number[] {
  const value = parse(column, text)
  if (!Array.isArray(value) || !value.every((x): x is number => Number.isInteger(x) && x >= 0)) throw new CorruptColumnError(column, 'not a list of positions')
  return value
}

/** A JSON object (audit_log.payload, ballot_structures.structure): its shape is its reader's. */
export function decodeObject(text: string, column: string): Record<string, unknown> {
  const value = parse(column, text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CorruptColumnError(column, 'not an object')
  return value as Record<string, unknown>
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isText = (x: unknown): x is string => typeof x === 'string'
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x)
const hasFields = (x: unknown, fields: Record<string, (v: unknown) => boolean>): boolean => isRecord(x) && Object.entries(fields).every(([k, check]) => check(x[k]))
const orNull = (check: (v: unknown) => boolean) => (x: unknown) => x === null || check(x)
const isTheme = (x: unknown) => hasFields(x, { id: isText, position: isCount, title: isText })
const isProposal = (x: unknown) => hasFields(x, { id: isText, number: isCount, title: isText, doc: isText })
const isCongress = (x: unknown) => isRecord(x) && congressFields.every((f) => isText(x[f]) || isCount(x[f]))
const isMotionTheme = (x: unknown) => isTheme(x) && isRecord(x) && Array.isArray(x.proposals) && x.proposals.every(isProposal)

const amendmentPlace = {
  amendment: orNull((x) => hasFields(x, { id: isText, number: isCount, doc: isText, parent: (v) => v === undefined || isCount(v) })),
  proposal: orNull((x) => hasFields(x, { id: isText, number: isCount })),
}

const placeShapes: Record<VotedPlace['kind'], Record<string, (v: unknown) => boolean>> = {
  motion: { congress: isCongress, preamble: isText, themes: (x) => Array.isArray(x) && x.every(isMotionTheme) },
  proposal: {
    proposal: orNull(isProposal),
    theme: orNull(isTheme),
    block: (x) => x === undefined || (Array.isArray(x) && x.every((m) => hasFields(m, { proposal: orNull(isProposal), theme: orNull(isTheme) }))),
  },
  amendment: {
    ...amendmentPlace,
    block: (x) => x === undefined || (Array.isArray(x) && x.every((m) => hasFields(m, amendmentPlace))),
  },
}

/** ballot_structures.structure: the place of what a ballot put to the vote, recorded at its opening. */
export function decodeVotedPlace(text: string): VotedPlace {
  const value = decodeObject(text, 'ballot_structures.structure')
  const shape = Object.hasOwn(placeShapes, String(value.kind)) ? placeShapes[value.kind as VotedPlace['kind']] : undefined
  if (!shape) throw new CorruptColumnError('ballot_structures.structure', 'unknown kind')
  if (!hasFields(value, shape)) throw new CorruptColumnError('ballot_structures.structure', `not a ${String(value.kind)} place`)
  return value as unknown as VotedPlace
}
