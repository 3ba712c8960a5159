import type { ProxyRule } from './ballot-rule.ts'
import type { Electorate } from './tally-types.ts'

export interface StandingProxy {
  readonly giverId: string
  readonly holderId: string
  /** Proxies past a holder's cap are the latest recorded ones. */
  readonly createdAt: number
}

export interface VotingRight {
  readonly representedId: string
  /** Who casts the vote: the person themselves, or the holder of their proxy. */
  readonly holderId: string
}

/**
 * The list of votes of a ballot, fixed when it opens: each entitled person present votes for
 * themselves, unless they gave a proxy — then its holder votes for them, if the holder is present and
 * within the cap. A giver does not vote while the proxy stands, even in the room: the bureau revokes
 * the proxy first. With proxies not allowed in the ballot, proxies are set aside and everyone present
 * votes for themselves.
 */
export function votingList(input: {
  readonly entitledIds: readonly string[]
  readonly presentIds: ReadonlySet<string>
  readonly proxies: readonly StandingProxy[]
  readonly rule: ProxyRule
}): { readonly rights: VotingRight[]; readonly electorate: Electorate } {
  const entitled = new Set(input.entitledIds)
  const rights: VotingRight[] = []
  const givers = new Set<string>()
  let represented = 0
  if (input.rule.allowed) {
    const carried = new Map<string, number>()
    const byAge = [...input.proxies].sort((a, b) => a.createdAt - b.createdAt || (a.giverId < b.giverId ? -1 : 1))
    for (const proxy of byAge) {
      if (!entitled.has(proxy.giverId)) continue
      givers.add(proxy.giverId)
      const count = carried.get(proxy.holderId) ?? 0
      if (!entitled.has(proxy.holderId) || !input.presentIds.has(proxy.holderId) || count >= input.rule.maxPerHolder) continue
      carried.set(proxy.holderId, count + 1)
      rights.push({ representedId: proxy.giverId, holderId: proxy.holderId })
      represented++
    }
  }
  let present = 0
  for (const id of input.entitledIds) {
    if (givers.has(id) || !input.presentIds.has(id)) continue
    rights.push({ representedId: id, holderId: id })
    present++
  }
  return { rights, electorate: { entitled: entitled.size, present, represented } }
}
