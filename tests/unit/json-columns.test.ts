import { describe, expect, test } from 'vitest'
import { CorruptColumnError, decodeBallotRule, decodeIdList, decodeObject, decodeTally, decodeVotedPlace } from '../../db/json-columns.ts'
import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'
import type { Tally } from '../../shared/ballots/tally-types.ts'
import type { VotedPlace } from '../../shared/ballots/voted-place.ts'

const tally: Tally = { yes: 7, no: 2, abstain: 1, cast: 10, expressed: 9, base: 9, threshold: 5, quorumRequired: 0, quorumMet: true, outcome: 'adopted' }

/** Throws a CorruptColumnError whose message names the column. */
function expectCorrupt(decode: () => unknown, column: string): void {
  let thrown: unknown
  try {
    decode()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(CorruptColumnError)
  expect((thrown as Error).message).toContain(column)
}

describe('the decoder of each JSON column', () => {
  test('ballots.rule and congresses.ballot_rule: a rule decodes; not JSON, or not a rule, throws', () => {
    expect(decodeBallotRule(JSON.stringify(defaultBallotRule))).toEqual(defaultBallotRule)
    expect(decodeBallotRule(JSON.stringify(defaultBallotRule), 'congresses.ballot_rule')).toEqual(defaultBallotRule)
    expectCorrupt(() => decodeBallotRule('{"majority":'), 'ballots.rule')
    expectCorrupt(() => decodeBallotRule(JSON.stringify({ ...defaultBallotRule, majority: 'most' })), 'ballots.rule')
    expectCorrupt(() => decodeBallotRule('[]', 'congresses.ballot_rule'), 'congresses.ballot_rule')
  })

  test('ballots.result: a tally decodes, null stays null; a wrong count or outcome throws', () => {
    expect(decodeTally(JSON.stringify(tally))).toEqual(tally)
    expect(decodeTally(null)).toBeNull()
    expectCorrupt(() => decodeTally('nope'), 'ballots.result')
    expectCorrupt(() => decodeTally('"adopted"'), 'ballots.result')
    expectCorrupt(() => decodeTally(JSON.stringify({ ...tally, yes: -1 })), 'ballots.result')
    expectCorrupt(() => decodeTally(JSON.stringify({ ...tally, quorumMet: 'yes' })), 'ballots.result')
    expectCorrupt(() => decodeTally(JSON.stringify({ ...tally, outcome: 'maybe' })), 'ballots.result')
  })

  test('amendments.conflicts: a list of ids decodes; anything else throws', () => {
    expect(decodeIdList('["a1","a2"]', 'amendments.conflicts')).toEqual(['a1', 'a2'])
    expect(decodeIdList('[]', 'amendments.conflicts')).toEqual([])
    expectCorrupt(() => decodeIdList('[1]', 'amendments.conflicts'), 'amendments.conflicts')
    expectCorrupt(() => decodeIdList('{"a":1}', 'amendments.conflicts'), 'amendments.conflicts')
    expectCorrupt(() => decodeIdList('[', 'amendments.conflicts'), 'amendments.conflicts')
  })

  test('audit_log.payload and ballot_structures.structure: an object decodes; anything else throws', () => {
    for (const column of ['audit_log.payload', 'ballot_structures.structure']) {
      expect(decodeObject('{"phase":"voting","n":1}', column)).toEqual({ phase: 'voting', n: 1 })
      expectCorrupt(() => decodeObject('[]', column), column)
      expectCorrupt(() => decodeObject('null', column), column)
      expectCorrupt(() => decodeObject('{', column), column)
    }
  })

  test('ballot_structures.structure: each kind of voted place decodes; an unknown kind or a wrong field throws', () => {
    const proposal = { id: 'p1', number: 3, title: 'Logement', doc: 'proposal:p1' }
    const theme = { id: 't1', position: 1, title: 'Vivre' }
    const places: VotedPlace[] = [
      { kind: 'motion', congress: { title: 'Congrès', edition: 12, organisation: 'Org', place: 'Lyon', date: '2026-11-29' }, preamble: 'preamble:c1', themes: [{ ...theme, proposals: [proposal] }] },
      { kind: 'proposal', proposal, theme },
      { kind: 'proposal', proposal: null, theme: null },
      { kind: 'amendment', amendment: { id: 'a1', number: 2, doc: 'amendment:a1' }, proposal: { id: 'p1', number: 3 } },
    ]
    for (const place of places) expect(decodeVotedPlace(JSON.stringify(place))).toEqual(place)
    const column = 'ballot_structures.structure'
    expectCorrupt(() => decodeVotedPlace('[]'), column)
    expectCorrupt(() => decodeVotedPlace('{"kind":"theme"}'), column)
    expectCorrupt(() => decodeVotedPlace('{"kind":"toString"}'), column)
    expectCorrupt(() => decodeVotedPlace(JSON.stringify({ kind: 'proposal', proposal: { ...proposal, number: '3' }, theme })), column)
    expectCorrupt(() => decodeVotedPlace(JSON.stringify({ kind: 'amendment', amendment: null })), column)
    expectCorrupt(() => decodeVotedPlace(JSON.stringify({ ...places[0], themes: [{ ...theme, proposals: [{ id: 'p1' }] }] })), column)
    expectCorrupt(() => decodeVotedPlace(JSON.stringify({ ...places[0], congress: { title: 'Congrès' } })), column)
  })
})
