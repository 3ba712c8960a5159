import { describe, expect, test } from 'vitest'
import { describeProblem, fieldProblemMessages } from '../../client/i18n/errors/field-rules.ts'
import { parseBallotRule } from '../../shared/ballots/ballot-rule-input.ts'
import { isErrorBody } from '../../shared/errors.ts'
import type { FieldProblem, FieldRule } from '../../shared/parsed.ts'
import { parseParticipantsCsv } from '../../shared/participants/participant-rows.ts'
import { parseAccessSheet, parsePhaseChange } from '../../shared/requests/congress-requests.ts'
import { parseCastVote } from '../../shared/requests/ballot-requests.ts'
import { parseCongressDetails } from '../../shared/structure-input.ts'

/** One example of each rule, with its parameters: the catalog's keys are checked against these. */
const everyRule: readonly FieldRule[] = [
  { rule: 'required' },
  { rule: 'text' },
  { rule: 'short_text', max: 200 },
  { rule: 'max_length', max: 200 },
  { rule: 'control_characters' },
  { rule: 'one_of', values: ['yes', 'no', 'abstain'] },
  { rule: 'integer_range', min: 1, max: 10 },
  { rule: 'share' },
  { rule: 'block', min: 2, max: 200 },
  { rule: 'boolean' },
  { rule: 'date' },
  { rule: 'time_zone' },
  { rule: 'sealed' },
  { rule: 'email' },
  { rule: 'unknown_role' },
  { rule: 'duplicate', otherLine: 2 },
  { rule: 'duplicate' },
  { rule: 'id' },
  { rule: 'id_or_null' },
  { rule: 'file_name' },
  { rule: 'token', min: 16, max: 100 },
  { rule: 'hex', length: 32 },
  { rule: 'object' },
  { rule: 'shape', shape: '{ id, code }' },
  { rule: 'list_length', min: 1, max: 5000 },
  { rule: 'unknown_field' },
  { rule: 'json' },
  { rule: 'missing_columns', columns: ['role'] },
  { rule: 'no_rows' },
  { rule: 'nothing_to_change' },
  { rule: 'role_locked', reason: 'voted' },
  { rule: 'role_locked', reason: 'self' },
  { rule: 'role_locked', reason: 'proxy' },
]

const problemsOf = (result: { ok: boolean; problems?: readonly FieldProblem[] }) => (result.ok ? [] : (result.problems ?? []))

describe('each input problem carries a rule the client says in each language', () => {
  test('the parsers name the rule, with what a sentence needs', () => {
    const rows = parseParticipantsCsv('name;organisation;email;role\nA;B;a@example.fr;delegate\nC;D;c@;delegate\nE;F;a@example.fr;chef\n')
    expect(problemsOf(rows).map(({ message: _m, ...p }) => p)).toEqual([
      { line: 3, field: 'email', rule: 'email' },
      { line: 4, field: 'role', rule: 'unknown_role' },
    ])
    expect(problemsOf(parseCongressDetails({ minCosigners: 101, date: 'demain' })).map((p) => p.rule)).toEqual(['date', 'integer_range'])
    expect(problemsOf(parseBallotRule({ majority: 'most' }))).toMatchObject([{ field: 'majority', rule: 'one_of', values: ['simple', 'absolute', 'two-thirds', 'three-fifths'] }])
    expect(problemsOf(parseCastVote({ choice: 'yes', clientVoteId: 'short' }))).toMatchObject([{ field: 'clientVoteId', rule: 'token', min: 16, max: 100 }])
  })

  test('the phase body and the access sheet are parsed in shared/, like every other body', () => {
    expect(parsePhaseChange({ phase: 'voting' })).toEqual({ ok: true, value: { phase: 'voting' } })
    expect(problemsOf(parsePhaseChange({ phase: 'party' }))).toMatchObject([{ field: 'phase', rule: 'one_of' }])
    expect(problemsOf(parsePhaseChange({}))).toMatchObject([{ field: 'phase', rule: 'one_of' }])
    expect(parseAccessSheet({ participants: [{ id: 'p1', code: 'ABCD' }] })).toEqual({ ok: true, value: { participants: [{ id: 'p1', code: 'ABCD' }] } })
    expect(problemsOf(parseAccessSheet({ participants: [] }))).toMatchObject([{ rule: 'list_length', min: 1, max: 5000 }])
    expect(problemsOf(parseAccessSheet({ participants: [{ id: 'p1', code: 'ABCD' }, { id: 'p2' }, 3] }))).toMatchObject([{ line: 2, rule: 'shape' }])
  })

  test('a problem reads "line N, field: rule" in English, with no French from the server', () => {
    const [duplicate] = problemsOf(parseParticipantsCsv('name,organisation,email,role\nA,B,same@example.fr,delegate\nC,D,same@example.fr,attendee\n'))
    expect(describeProblem(duplicate!, 'en')).toBe('Line 3, email: already appears on line 2')
    expect(describeProblem(duplicate!, 'fr')).toBe('Ligne 3, courriel : figure déjà ligne 2')
    expect(describeProblem({ field: 'title', rule: 'required', message: 'le titre est obligatoire' }, 'en')).toBe('Title: is required')
    // A field the client has no name for is shown as the API names it.
    expect(describeProblem({ field: 'quorum.count', rule: 'integer_range', min: 1, max: 100_000, message: 'doit être un entier' }, 'en')).toBe(
      'Quorum.count: must be a whole number from 1 to 100000',
    )
  })

  test('every rule has a sentence in both languages, and the English one has no French message in it', () => {
    const french = everyRule.map((rule) => describeProblem({ ...rule, field: 'name', message: 'x' }, 'fr'))
    const english = everyRule.map((rule) => describeProblem({ ...rule, field: 'name', message: 'x' }, 'en'))
    expect(new Set(english).size).toBe(everyRule.length)
    for (const [i, sentence] of english.entries()) expect(sentence).not.toBe(french[i])
    expect(Object.keys(fieldProblemMessages.en.rules).sort()).toEqual([...new Set(everyRule.map((r) => r.rule))].sort())
  })

  test('a rule this client does not know (a newer server) is still said, in general terms', () => {
    const fromNewerServer = JSON.parse('{"field":"name","rule":"palindrome","message":"doit être un palindrome"}') as FieldProblem
    expect(describeProblem(fromNewerServer, 'en')).toBe('Name: is not valid')
  })

  test('an error body is one with a known code and well-formed details', () => {
    expect(isErrorBody({ error: { code: 'bad_request', message: 'x', details: [{ field: 'a', rule: 'required', message: 'y' }] } })).toBe(true)
    expect(isErrorBody({ error: { code: 'no_such_code', message: 'x' } })).toBe(false)
    expect(isErrorBody({ error: { code: 'bad_request', message: 'x', details: [{ field: 'a', message: 'y' }] } })).toBe(false)
    expect(isErrorBody({ error: { code: 'bad_request', message: 'x', details: 'a' } })).toBe(false)
  })
})
