import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('sync socket with the stock y-websocket client', () => {
  let plenum: TestServer
  let token: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    plenum = await startTestServer()
    token = (await plenum.login()).token
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('two clients converge on a proposal and a third joining later gets the full text', async () => {
    const docName = plenum.seed.proposals[11]!.docName
    const alice = await connectSynced(plenum.wsUrl, docName, token, 'Alice')
    const bob = await connectSynced(plenum.wsUrl, docName, token, 'Bob')
    clients.push(alice, bob)
    const original = alice.text()
    expect(original.length).toBeGreaterThan(50)
    expect(bob.text()).toBe(original)

    alice.appendParagraph('Amendement oral d’Alice.')
    bob.appendParagraph('Précision de Bob.')
    await waitFor(() => alice.text() === bob.text() && alice.text().includes('Bob') && bob.text().includes('Alice'), 'convergence')
    expect(alice.text()).toContain(original)

    const carol = await connectSynced(plenum.wsUrl, docName, token, 'Carol')
    clients.push(carol)
    expect(carol.text()).toBe(alice.text())
  })

  test('ten writers at once: every paragraph reaches everyone, and whatever a client receives is already on disk', async () => {
    const docName = plenum.seed.proposals[7]!.docName
    const writers = await Promise.all(Array.from({ length: 10 }, (_, i) => connectSynced(plenum.wsUrl, docName, token, `Rédactrice ${i}`)))
    clients.push(...writers)
    const stored = async () => {
      const doc = (await plenum.log.load(docName))!
      return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates([doc.state, ...doc.updates])))
    }
    // Checked as each message arrives: the server runs in this process, and SQLite's log reads the
    // disk within the call, so what the promise holds is the disk at that instant.
    const unstored: string[] = []
    const checks: Promise<void>[] = []
    writers[0]!.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin !== writers[0]!.provider) return
      const received = [...transaction.afterState].filter(([client, clock]) => clock !== (transaction.beforeState.get(client) ?? 0))
      checks.push(
        stored().then((onDisk) => {
          for (const [client, clock] of received) if ((onDisk.get(client) ?? 0) < clock) unstored.push(`${client}:${clock}`)
        }),
      )
    })
    for (let round = 0; round < 20; round++) writers.forEach((w, i) => w.appendParagraph(`Ligne ${round} de la rédactrice ${i}.`))
    await waitFor(() => writers.every((w) => w.text().includes('Ligne 19 de la rédactrice 9.') && w.text() === writers[0]!.text()), 'ten writers converge')
    for (let round = 0; round < 20; round++) for (let i = 0; i < 10; i++) expect(writers[3]!.text()).toContain(`Ligne ${round} de la rédactrice ${i}.`)
    await Promise.all(checks)
    expect(unstored).toEqual([])
  })

  test('awareness reaches the other client and disappears when its client leaves', async () => {
    const docName = plenum.seed.proposals[3]!.docName
    const dora = await connectSynced(plenum.wsUrl, docName, token, 'Dora')
    const eve = await connectSynced(plenum.wsUrl, docName, token, 'Eve')
    clients.push(dora)
    // Both sign in as the bureau: the server names each cursor after the session's person, so they are told apart by client id.
    const present = (client: TestClient, other: TestClient) => (client.provider.awareness.getStates().get(other.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name
    await waitFor(() => present(dora, eve), 'Eve visible to Dora')
    await waitFor(() => present(eve, dora), 'Dora visible to Eve')
    const eveId = eve.doc.clientID
    eve.destroy()
    await waitFor(() => !dora.provider.awareness.getStates().has(eveId), 'Eve gone for Dora')
    expect(dora.provider.awareness.getStates().has(dora.doc.clientID)).toBe(true)
  })

  test('a document with no connection is unloaded from memory', async () => {
    const docName = plenum.seed.proposals[20]!.docName
    const frank = await connectSynced(plenum.wsUrl, docName, token, 'Frank')
    expect(plenum.server.sync.rooms.has(docName)).toBe(true)
    frank.appendParagraph('Avant de partir.')
    await waitFor(async () => (await plenum.log.size(docName)).logCount > 0 || (await plenum.log.load(docName))!.updates.length === 0, 'stored')
    frank.destroy()
    await waitFor(() => !plenum.server.sync.rooms.has(docName), 'unload')
    const again = await connectSynced(plenum.wsUrl, docName, token, 'Frank')
    clients.push(again)
    expect(again.text()).toContain('Avant de partir.')
  })
})
