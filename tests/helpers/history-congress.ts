import { expect } from 'vitest'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import type { TextHistoryView } from '../../shared/history/text-history.ts'
import { bearer, importAndSignIn, type Signed } from './participants.ts'
import { connectSynced, type TestClient } from './providers.ts'
import { startTestServer, type TestServer } from './test-server.ts'

/**
 * A congress for the text-history tests: a server whose pause in typing is `typingPauseMs`, the
 * bureau, the named delegates signed in, no co-signers needed; and what those tests do with it.
 */
export async function startHistoryCongress(options: { readonly typingPauseMs: number; readonly delegates: readonly string[] }) {
  const plenum: TestServer = await startTestServer({ typingPauseMs: options.typingPauseMs })
  const congressId = plenum.seed.congressId
  const session = await plenum.login()
  const bureau = { ...session.participant, token: session.token } as unknown as Signed
  const delegates = await importAndSignIn(plenum, session.token, options.delegates.map((name) => ({ name, role: 'delegate' as const })))
  const clients: TestClient[] = []

  async function api<T = { error?: { code: string } }>(method: string, path: string, who: Signed, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${plenum.baseUrl}${path}`, {
      method,
      headers: { ...bearer(who.token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as T }
  }
  await api('PATCH', `/api/congresses/${congressId}`, bureau, { minCosigners: 0 })
  const proposal = (i: number) => plenum.seed.proposals[i]!

  return {
    plenum,
    congressId,
    bureau,
    delegates,
    api,
    proposal,
    setPhase: async (phase: string) => expect((await api('POST', `/api/congresses/${congressId}/phase`, bureau, { phase })).status).toBe(200),
    /** Proposal `i`'s history, as a delegate reads it. */
    history: async (i: number) => (await api<TextHistoryView>('GET', `/api/congresses/${congressId}/proposals/${proposal(i).id}/versions`, delegates[0]!)).body,
    storedParagraphs: async (docName: string) => {
      const { state, updates } = (await plenum.log.load(docName))!
      return stateParagraphs(state, ...updates)
    },
    /** A synced editor on the text, closed with the congress. */
    open: async (docName: string, who: Signed): Promise<TestClient> => {
      const client = await connectSynced(plenum.wsUrl, docName, who.token, who.name)
      clients.push(client)
      return client
    },
    close: async () => {
      for (const client of clients) client.destroy()
      await plenum.close()
    },
  }
}

export type HistoryCongress = Awaited<ReturnType<typeof startHistoryCongress>>
