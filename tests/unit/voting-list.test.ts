import { describe, expect, test } from 'vitest'
import { votingList, type StandingProxy } from '../../shared/ballots/voting-list.ts'

const allowed = { allowed: true, maxPerHolder: 1 }
const proxy = (giverId: string, holderId: string, createdAt = 0): StandingProxy => ({ giverId, holderId, createdAt })

describe('the list of votes fixed when a ballot opens', () => {
  const cases: { name: string; entitled: string[]; present: string[]; proxies: StandingProxy[]; rule?: { allowed: boolean; maxPerHolder: number }; rights: [string, string][]; electorate: [number, number, number] }[] = [
    { name: 'everyone present votes for themselves', entitled: ['a', 'b', 'c'], present: ['a', 'b'], proxies: [], rights: [['a', 'a'], ['b', 'b']], electorate: [3, 2, 0] },
    { name: 'an absent giver is represented by a present holder', entitled: ['a', 'b'], present: ['a'], proxies: [proxy('b', 'a')], rights: [['b', 'a'], ['a', 'a']], electorate: [2, 1, 1] },
    { name: 'a giver in the room still does not vote while the proxy stands', entitled: ['a', 'b'], present: ['a', 'b'], proxies: [proxy('b', 'a')], rights: [['b', 'a'], ['a', 'a']], electorate: [2, 1, 1] },
    { name: 'an absent holder carries nothing, and the giver has no vote', entitled: ['a', 'b', 'c'], present: ['c'], proxies: [proxy('b', 'a')], rights: [['c', 'c']], electorate: [3, 1, 0] },
    { name: 'past the cap, the latest proxies are set aside', entitled: ['a', 'b', 'c'], present: ['a'], proxies: [proxy('c', 'a', 2), proxy('b', 'a', 1)], rights: [['b', 'a'], ['a', 'a']], electorate: [3, 1, 1] },
    { name: 'a higher cap carries both', entitled: ['a', 'b', 'c'], present: ['a'], proxies: [proxy('c', 'a', 2), proxy('b', 'a', 1)], rule: { allowed: true, maxPerHolder: 2 }, rights: [['b', 'a'], ['c', 'a'], ['a', 'a']], electorate: [3, 1, 2] },
    { name: 'a ballot without proxies: the present giver votes, the absent one does not', entitled: ['a', 'b', 'c'], present: ['a', 'b'], proxies: [proxy('b', 'a'), proxy('c', 'a')], rule: { allowed: false, maxPerHolder: 1 }, rights: [['a', 'a'], ['b', 'b']], electorate: [3, 2, 0] },
    { name: 'people no longer entitled (revoked) are left out on both ends', entitled: ['a'], present: ['a', 'x'], proxies: [proxy('x', 'a'), proxy('a', 'y')], rights: [], electorate: [1, 0, 0] },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const { rights, electorate } = votingList({ entitledIds: c.entitled, presentIds: new Set(c.present), proxies: c.proxies, rule: c.rule ?? allowed })
      expect(rights.map((r) => [r.representedId, r.holderId])).toEqual(c.rights)
      expect([electorate.entitled, electorate.present, electorate.represented]).toEqual(c.electorate)
    })
  }
})
