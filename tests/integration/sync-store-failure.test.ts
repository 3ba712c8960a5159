import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { connectSynced, nextClose, type TestClient } from '../helpers/providers.ts'
import { refuseInserts } from '../helpers/refuse-inserts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('when the disk refuses an update', () => {
  let plenum: TestServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('no one sees the edit, the room reloads from disk, and the edit arrives once the disk accepts it again', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { token } = await plenum.login()
    const docName = plenum.seed.proposals[5]!.docName
    const alice = await connectSynced(plenum.wsUrl, docName, token, 'Alice')
    const bob = await connectSynced(plenum.wsUrl, docName, token, 'Bob')
    clients.push(alice, bob)

    const accept = await refuseInserts(plenum, 'document_updates', undefined, 'disk full')
    const closed = nextClose(alice.provider)
    alice.appendParagraph('Écrit pendant la panne.')
    expect(await closed).toBe(CloseCode.ServerError)
    expect(bob.text()).not.toContain('Écrit pendant la panne.')
    expect((await plenum.log.load(docName))!.updates.length).toBe(0)

    await accept()
    // Both providers reconnect on their own; Alice's document still holds her edit and sends it again.
    await waitFor(() => bob.text().includes('Écrit pendant la panne.'), 'the edit after the disk recovers', 15_000)
    expect(alice.text()).toBe(bob.text())
    expect((await plenum.log.load(docName))!.updates.length).toBeGreaterThan(0)
    expect(quiet).toHaveBeenCalled()
    quiet.mockRestore()
  }, 30_000)
})
