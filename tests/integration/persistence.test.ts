import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loginChild as login, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { connectSynced } from '../helpers/providers.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('persistence across restarts of a real server process', () => {
  const data = makeTempDir()
  let server: ChildServer | undefined

  beforeAll(async () => {
    server = await startChildServer(data.path)
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
    data.remove()
  })

  test('a clean restart keeps the text', async () => {
    const { token, congress } = await login(server!)
    const docName = congress.proposals[11]!.docName
    const writer = await connectSynced(server!.wsUrl, docName, token, 'Writer')
    writer.appendParagraph('Ajout avant un redémarrage propre.')
    const watcher = await connectSynced(server!.wsUrl, docName, token, 'Watcher')
    await waitFor(() => watcher.text().includes('redémarrage propre'), 'watcher sees it')
    const expected = watcher.text()
    writer.destroy()
    watcher.destroy()

    await server!.stop('SIGTERM')
    server = await startChildServer(data.path)
    const again = await login(server)
    const reader = await connectSynced(server.wsUrl, docName, again.token, 'Reader')
    expect(reader.text()).toBe(expected)
    reader.destroy()
  })

  test('SIGKILL right after a client sees an update loses nothing', async () => {
    const { token, congress } = await login(server!)
    const docName = congress.proposals[12]!.docName
    const writer = await connectSynced(server!.wsUrl, docName, token, 'Writer')
    const watcher = await connectSynced(server!.wsUrl, docName, token, 'Watcher')
    const lines = Array.from({ length: 20 }, (_, i) => `Ligne ${i + 1} écrite juste avant la panne.`)
    for (const line of lines) writer.appendParagraph(line)
    await waitFor(() => watcher.text().includes(lines.at(-1)!), 'watcher sees the last line')
    await server!.stop('SIGKILL')
    const seen = watcher.text()
    writer.destroy()
    watcher.destroy()

    server = await startChildServer(data.path)
    const again = await login(server)
    const reader = await connectSynced(server.wsUrl, docName, again.token, 'Reader')
    expect(reader.text()).toBe(seen)
    for (const line of lines) expect(reader.text()).toContain(line)
    reader.destroy()
  })
})
