import * as Y from 'yjs'
import { checkUpdate } from '../../shared/editor/update-check.ts'
import { emptyTextSize } from '../../shared/editor/text-size.ts'
import { afterAll, describe, expect, test } from 'vitest'
import { importTarget, loginChild, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { sendFuzz } from '../helpers/fuzz-socket.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { fuzzFrames, schemaBreakingFrames, schemaBreaks } from '../helpers/socket-fuzz.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('the sync socket under seeded bad frames (npm run stress sends 100,000)', () => {
  const data = makeTempDir()
  let server: ChildServer | undefined
  const clients: TestClient[] = []
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop('SIGKILL')
    data.remove()
  })

  test('2,000 frames at a read-only and a writable socket: the server stays up, an honest writer keeps editing, and its text is stored byte for byte', async () => {
    server = await startChildServer(data.path)
    const bureau = await loginChild(server)
    const [writer, reader, vandal] = await importAndSignIn(importTarget(server, bureau.congress.id), bureau.token, [
      { name: 'Rédactrice honnête', role: 'delegate' },
      { name: 'Lectrice', role: 'attendee' },
      { name: 'Vandale', role: 'delegate' },
    ])
    const honestDoc = bureau.congress.proposals[0]!.docName
    const sacrificialDoc = bureau.congress.proposals[1]!.docName
    const honest = await connectSynced(server.wsUrl, honestDoc, writer!.token, 'Honnête')
    clients.push(honest)
    let line = 0
    const typing = setInterval(() => honest.appendParagraph(`Ligne honnête ${++line}.`), 20)

    const socket = (doc: string, token: string) => `${server!.wsUrl}/${encodeURIComponent(doc)}?token=${token}`
    const [readOnly, writable] = await Promise.all([
      sendFuzz(socket(honestDoc, reader!.token), fuzzFrames(1, 1000, { oversize: 250 })),
      sendFuzz(socket(sacrificialDoc, vandal!.token), fuzzFrames(2, 1000, { oversize: 250 })),
    ])
    clearInterval(typing)
    expect(readOnly.sent + writable.sent).toBe(2000)
    expect(readOnly.closed + writable.closed).toBeGreaterThan(1000)
    expect(server.process.exitCode).toBeNull()
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200)
    expect(line).toBeGreaterThan(10)

    const check = await connectSynced(server.wsUrl, honestDoc, reader!.token, 'Contrôle')
    clients.push(check)
    await waitFor(() => check.text().includes(`Ligne honnête ${line}.`), 'the last honest line')
    expect(check.text()).toBe(honest.text())
    expect(Buffer.from(Y.encodeStateAsUpdate(check.doc))).toEqual(Buffer.from(Y.encodeStateAsUpdate(honest.doc)))
    // The sacrificial document still opens and syncs.
    const after = await connectSynced(server.wsUrl, sacrificialDoc, writer!.token, 'Après')
    clients.push(after)
    expect(after.text().length).toBeGreaterThan(0)
  }, 120_000)

  test('schema-breaking updates at a writable socket (every kind, seeded): each refused and said so, none stored; the texts stay within the schema and the motion seals', async () => {
    const bureau = await loginChild(server!)
    const [vandal] = await importAndSignIn(importTarget(server!, bureau.congress.id), bureau.token, [{ name: 'Vandale du schéma', role: 'delegate' }])
    const docName = bureau.congress.proposals[4]!.docName
    const sent = schemaBreaks.length * 10
    const report = await sendFuzz(`${server!.wsUrl}/${encodeURIComponent(docName)}?token=${vandal!.token}`, schemaBreakingFrames(3, sent))
    expect(report.sent).toBe(sent)
    expect(report.refused).toBe(sent)
    expect(report.closed).toBe(0)

    const check = await connectSynced(server!.wsUrl, docName, vandal!.token, 'Contrôle')
    clients.push(check)
    expect(checkUpdate(new Y.Doc(), Y.encodeStateAsUpdate(check.doc), emptyTextSize)).toMatchObject({ ok: true })
    expect(check.text().length).toBeGreaterThan(0)
    const freeze = await fetch(`${server!.baseUrl}/api/congresses/${bureau.congress.id}/freeze`, { method: 'POST', headers: { authorization: `Bearer ${bureau.token}` } })
    expect(freeze.status).toBe(200)
  }, 120_000)
})
