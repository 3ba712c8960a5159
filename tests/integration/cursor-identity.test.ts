import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { participantColor } from '../../shared/participant-color.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('a cursor shows its own person (issue 15, point 8)', () => {
  let plenum: TestServer
  let impostor: Signed
  let watcherPerson: Signed
  const clients: TestClient[] = []

  beforeAll(async () => {
    plenum = await startTestServer()
    const bureau = (await plenum.login()).token
    const people = await importAndSignIn(plenum, bureau, [
      { name: 'Ines Imposteure', role: 'delegate' },
      { name: 'Théo Témoin', role: 'delegate' },
    ])
    impostor = people[0]!
    watcherPerson = people[1]!
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('an awareness state naming someone else (name and colour) reaches the others with the sender’s real name and colour', async () => {
    const docName = plenum.seed.proposals[0]!.docName
    const watcher = await connectSynced(plenum.wsUrl, docName, watcherPerson.token, 'Théo Témoin')
    clients.push(watcher)
    const liar = await connectSynced(plenum.wsUrl, docName, impostor.token, 'Ines Imposteure')
    clients.push(liar)
    liar.provider.awareness.setLocalStateField('user', { name: 'Présidente du bureau', color: '#000000' })
    liar.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 })
    const seen = await waitFor(() => {
      const state = watcher.provider.awareness.getStates().get(liar.doc.clientID) as { user?: { name: string; color: string }; cursor?: unknown } | undefined
      return state?.cursor ? state : undefined
    }, 'the impostor’s cursor')
    expect(seen.user).toEqual({ name: 'Ines Imposteure', color: participantColor(impostor.id) })
    expect(seen.cursor).toEqual({ anchor: 1, head: 1 })
  })
})
