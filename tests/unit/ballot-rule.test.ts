import { describe, expect, test } from 'vitest'
import { mergeRulePatch, parseBallotRule } from '../../shared/ballots/ballot-rule-input.ts'
import { defaultBallotRule } from '../../shared/ballots/ballot-rule.ts'

describe('a ballot rule from JSON', () => {
  test('the default rule reads back as itself', () => {
    expect(parseBallotRule(JSON.parse(JSON.stringify(defaultBallotRule)))).toEqual({ ok: true, value: defaultBallotRule })
  })

  const refused: [string, unknown, string][] = [
    ['not an object', 'simple', 'rule'],
    ['an array', [], 'rule'],
    ['an unknown majority', { ...defaultBallotRule, majority: 'most' }, 'majority'],
    ['an unknown base', { ...defaultBallotRule, base: 'everyone' }, 'base'],
    ['a missing quorum', { ...defaultBallotRule, quorum: undefined }, 'quorum'],
    ['an unknown quorum kind', { ...defaultBallotRule, quorum: { kind: 'half' } }, 'quorum.kind'],
    ['a quorum of 0 people', { ...defaultBallotRule, quorum: { kind: 'count', count: 0 } }, 'quorum.count'],
    ['a fractional count', { ...defaultBallotRule, quorum: { kind: 'count', count: 2.5 } }, 'quorum.count'],
    ['a share of 0', { ...defaultBallotRule, quorum: { kind: 'share', share: 0 } }, 'quorum.share'],
    ['a share over 1', { ...defaultBallotRule, quorum: { kind: 'share', share: 1.2 } }, 'quorum.share'],
    ['a count on a share quorum', { ...defaultBallotRule, quorum: { kind: 'share', share: 0.5, count: 3 } }, 'quorum.count'],
    ['an unknown secrecy', { ...defaultBallotRule, secrecy: 'open' }, 'secrecy'],
    ['proxies allowed as text', { ...defaultBallotRule, proxies: { allowed: 'yes', maxPerHolder: 1 } }, 'proxies.allowed'],
    ['a cap of 0', { ...defaultBallotRule, proxies: { allowed: true, maxPerHolder: 0 } }, 'proxies.maxPerHolder'],
    ['a cap of 11', { ...defaultBallotRule, proxies: { allowed: true, maxPerHolder: 11 } }, 'proxies.maxPerHolder'],
    ['an extra key', { ...defaultBallotRule, options: ['yes', 'no'] }, 'options'],
  ]
  for (const [name, value, field] of refused) {
    test(`refuses ${name}, naming ${field}`, () => {
      const parsed = parseBallotRule(value)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) {
        expect(parsed.problems[0]?.field).toBe(field)
        expect(parsed.problems[0]?.message.length).toBeGreaterThan(5)
      }
    })
  }

  test('accepts a share of 1 and each kind of quorum', () => {
    for (const quorum of [{ kind: 'none' }, { kind: 'count', count: 12 }, { kind: 'share', share: 1 }]) {
      expect(parseBallotRule({ ...defaultBallotRule, quorum })).toEqual({ ok: true, value: { ...defaultBallotRule, quorum } })
    }
  })

  test('a partial rule applies over a template, quorum and proxies replaced whole, and is validated', () => {
    expect(mergeRulePatch(defaultBallotRule, { majority: 'two-thirds', quorum: { kind: 'count', count: 3 } })).toEqual({
      ok: true,
      value: { ...defaultBallotRule, majority: 'two-thirds', quorum: { kind: 'count', count: 3 } },
    })
    expect(mergeRulePatch(defaultBallotRule, {})).toEqual({ ok: true, value: defaultBallotRule })
    const bad = mergeRulePatch(defaultBallotRule, { proxies: { allowed: true } })
    expect(bad.ok || bad.problems[0]?.field).toBe('proxies.maxPerHolder')
    expect(mergeRulePatch(defaultBallotRule, 'two-thirds').ok).toBe(false)
  })

  test('messages say what is expected, in French', () => {
    const parsed = parseBallotRule({ ...defaultBallotRule, majority: 'most' })
    expect(parsed.ok || parsed.problems[0]?.message).toBe('doit valoir « simple », « absolute », « two-thirds » ou « three-fifths »')
  })
})
