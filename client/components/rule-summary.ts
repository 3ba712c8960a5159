import type { BallotRule } from '../../shared/ballots/ballot-rule.ts'
import { bal } from '../i18n/ballots-messages.ts'
import { t } from '../i18n/index.ts'

/**
 * A ballot's whole rule in one line: majority and its base, quorum, secrecy, proxies. The bureau
 * reads all five before opening, since each changes who may vote or what adopts.
 */
export function ruleSummary(rule: BallotRule): string {
  const m = t()
  return bal().ruleLine(
    m.v.majorities[rule.majority],
    m.v.bases[rule.base].toLowerCase(),
    bal().quorum(rule.quorum),
    m.v.secrecies[rule.secrecy].toLowerCase(),
    bal().proxies(rule.proxies.allowed, rule.proxies.maxPerHolder),
  )
}
