import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, FiledAmendmentView } from '../../shared/api-types.ts'
import { stateText } from '../../shared/editor/doc-state.ts'
import { bearer, importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'

/** The bar: forty delegates file and co-edit amendments on the 29 proposals; the bureau rules and merges them. */
describe('forty delegates amending the 29 proposals', () => {
  let plenum: TestServer
  let bureau: string
  let delegates: Signed[]
  const clients: TestClient[] = []

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    delegates = await importAndSignIn(plenum, bureau, Array.from({ length: 40 }, (_, i) => ({ name: `Délégué ${i + 1}`, role: 'delegate' as const })))
    await post('/api/congresses/' + plenum.seed.congressId + '/phase', bureau, { phase: 'amendments' })
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  async function post<T>(path: string, token: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`${plenum.baseUrl}${path}`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  const proposalText = async (i: number) => {
    const stored = (await plenum.log.load(plenum.seed.proposals[i]!.docName))!
    return stateText(stored.state, stored.updates)
  }

  test('each files one, writes it with a co-signer over the socket; the bureau lists, rules and merges them all', async () => {
    const filed = await Promise.all(
      delegates.map((d, i) => post<FiledAmendmentView>(`/api/proposals/${plenum.seed.proposals[i % 29]!.id}/amendments`, d.token, { justification: `Motif ${i + 1}` })),
    )
    // Each amendment's author accepts the next delegate as co-signer, who then co-edits.
    await Promise.all(
      filed.map(async (a, i) => {
        const cosigner = delegates[(i + 1) % delegates.length]!
        await post(`/api/amendments/${a.id}/cosign`, cosigner.token)
        await post(`/api/amendments/${a.id}/cosigners/${cosigner.id}/accept`, delegates[i]!.token)
      }),
    )
    // Amendments on the same proposal change different words: the first word, then the last one.
    await Promise.all(
      filed.map(async (a, i) => {
        const words = (await proposalText(i % 29)).split(' ')
        const [author, cosigner] = [delegates[i]!, delegates[(i + 1) % delegates.length]!]
        const first = await connectSynced(plenum.wsUrl, a.docName, author.token, author.name)
        const second = await connectSynced(plenum.wsUrl, a.docName, cosigner.token, cosigner.name)
        clients.push(first, second)
        const target = i < 29 ? words[0]! : words.at(-1)!
        replaceText(first.doc, target, `${target} [A${i + 1}]`)
        replaceText(second.doc, target, `${target} [C${i + 1}]`)
        await Promise.all([roundTrip(first), roundTrip(second)])
      }),
    )

    const started = performance.now()
    const { amendments } = (await (await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/amendments`, { headers: bearer(bureau) })).json()) as { amendments: AmendmentView[] }
    console.log(`list of ${amendments.length} amendments with diffs and overlaps: ${(performance.now() - started).toFixed(0)} ms`)
    expect(amendments).toHaveLength(40)
    expect(amendments.every((a) => a.changedLines.length > 0 && a.cosigners.length === 1 && a.cosigners[0]!.accepted)).toBe(true)
    expect(amendments.filter((a) => a.competing.length > 0)).toEqual([])

    for (const [i, a] of filed.entries()) {
      await post(`/api/amendments/${a.id}/submit`, delegates[i]!.token)
      await post(`/api/amendments/${a.id}/ruling`, bureau, { admissible: true })
      expect((await post<{ status: string }>(`/api/amendments/${a.id}/decision`, bureau, { outcome: 'adopted' })).status).toBe('merged')
    }
    for (let i = 0; i < 40; i++) {
      const text = await proposalText(i % 29)
      expect(text).toContain(`[A${i + 1}]`)
      expect(text).toContain(`[C${i + 1}]`)
    }
  }, 60_000)
})
