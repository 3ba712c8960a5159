import { invalid, type FieldRule, type Parsed } from '../parsed.ts'
import { majorities, majorityBases, maxProxiesPerHolder, secrecies, type BallotRule, type ProxyRule, type Quorum } from './ballot-rule.ts'
import { isJsonObject as isObject } from '../json-value.ts'

const fail = (field: string, rule: FieldRule, message: string): Parsed<never> => invalid(field, rule, message)
const oneOf = (field: string, values: readonly string[]) =>
  fail(field, { rule: 'one_of', values }, `doit valoir ${values.map((v) => `« ${v} »`).join(', ').replace(/, ([^,]*)$/, ' ou $1')}`)

function onlyKeys(value: Record<string, unknown>, keys: readonly string[], path: string): Parsed<true> {
  const extra = Object.keys(value).find((k) => !keys.includes(k))
  return extra === undefined ? { ok: true, value: true } : fail(path ? `${path}.${extra}` : extra, { rule: 'unknown_field' }, 'n’est pas un champ connu')
}

function parseQuorum(value: unknown): Parsed<Quorum> {
  if (!isObject(value)) return fail('quorum', { rule: 'shape', shape: '{ kind, … }' }, 'doit être un objet { kind, … }')
  if (value.kind === 'none') {
    const keys = onlyKeys(value, ['kind'], 'quorum')
    return keys.ok ? { ok: true, value: { kind: 'none' } } : keys
  }
  if (value.kind === 'count') {
    const keys = onlyKeys(value, ['kind', 'count'], 'quorum')
    if (!keys.ok) return keys
    const count = value.count
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000) return fail('quorum.count', { rule: 'integer_range', min: 1, max: 100_000 }, 'doit être un entier entre 1 et 100000')
    return { ok: true, value: { kind: 'count', count } }
  }
  if (value.kind === 'share') {
    const keys = onlyKeys(value, ['kind', 'share'], 'quorum')
    if (!keys.ok) return keys
    const share = value.share
    if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0 || share > 1) return fail('quorum.share', { rule: 'share' }, 'doit être un nombre supérieur à 0 et au plus 1')
    return { ok: true, value: { kind: 'share', share } }
  }
  return oneOf('quorum.kind', ['none', 'count', 'share'])
}

function parseProxies(value: unknown): Parsed<ProxyRule> {
  if (!isObject(value)) return fail('proxies', { rule: 'shape', shape: '{ allowed, maxPerHolder }' }, 'doit être un objet { allowed, maxPerHolder }')
  const keys = onlyKeys(value, ['allowed', 'maxPerHolder'], 'proxies')
  if (!keys.ok) return keys
  if (typeof value.allowed !== 'boolean') return fail('proxies.allowed', { rule: 'boolean' }, 'doit valoir true ou false')
  const max = value.maxPerHolder
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > maxProxiesPerHolder) {
    return fail('proxies.maxPerHolder', { rule: 'integer_range', min: 1, max: maxProxiesPerHolder }, `doit être un entier entre 1 et ${maxProxiesPerHolder}`)
  }
  return { ok: true, value: { allowed: value.allowed, maxPerHolder: max } }
}

/** A whole rule from untrusted JSON: every field present and valid, nothing else. */
export function parseBallotRule(value: unknown): Parsed<BallotRule> {
  if (!isObject(value)) return fail('rule', { rule: 'object' }, 'doit être un objet')
  const keys = onlyKeys(value, ['majority', 'base', 'quorum', 'secrecy', 'proxies'], '')
  if (!keys.ok) return keys
  const { majority, base, secrecy } = value
  if (typeof majority !== 'string' || !(majorities as readonly string[]).includes(majority)) return oneOf('majority', majorities)
  if (typeof base !== 'string' || !(majorityBases as readonly string[]).includes(base)) return oneOf('base', majorityBases)
  const quorum = parseQuorum(value.quorum)
  if (!quorum.ok) return quorum
  if (typeof secrecy !== 'string' || !(secrecies as readonly string[]).includes(secrecy)) return oneOf('secrecy', secrecies)
  const proxies = parseProxies(value.proxies)
  if (!proxies.ok) return proxies
  return { ok: true, value: { majority: majority as BallotRule['majority'], base: base as BallotRule['base'], quorum: quorum.value, secrecy: secrecy as BallotRule['secrecy'], proxies: proxies.value } }
}

/** A partial rule over a template: the keys given replace the template's (quorum and proxies whole). */
export function mergeRulePatch(base: BallotRule, patch: unknown): Parsed<BallotRule> {
  if (!isObject(patch)) return fail('rule', { rule: 'object' }, 'doit être un objet')
  return parseBallotRule({ ...base, ...patch })
}
