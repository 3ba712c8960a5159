import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { textVersions, versionParagraphs } from '../../server/history/text-versions.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import { call } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startPostgresProcesses, type PostgresProcesses } from '../helpers/postgres-processes.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * Two processes on one PostgreSQL and one Redis, two people typing into the same text, one on each:
 * their pause makes one version (not one per process), read from the database, naming both.
 */
describe('a text’s history on two processes', () => {
  let cluster: PostgresProcesses
  const clients: TestClient[] = []
  const pause = process.env.PLENUM_TYPING_PAUSE_MS

  beforeAll(async () => {
    process.env.PLENUM_TYPING_PAUSE_MS = '400'
    cluster = await startPostgresProcesses(2)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await cluster.close()
    if (pause === undefined) delete process.env.PLENUM_TYPING_PAUSE_MS
    else process.env.PLENUM_TYPING_PAUSE_MS = pause
  })

  test('one pause, one version, both typists', async () => {
    const { seed, servers } = cluster
    const bureau = await cluster.signIn(0)
    const target = { ...cluster.at(0), login: async (code?: string) => ({ token: await cluster.signIn(0, code) }) as never, seed: { congressId: seed.congressId } }
    const [alice, bruno] = (await importAndSignIn(target, bureau, [
      { name: 'Alice Martin', role: 'delegate' },
      { name: 'Bruno Petit', role: 'delegate' },
    ])) as [Signed, Signed]
    const docName = seed.proposals[3]!.docName
    const onA = await connectSynced(`ws://127.0.0.1:${servers[0]!.port}/sync`, docName, alice.token, 'Alice on A')
    const onB = await connectSynced(`ws://127.0.0.1:${servers[1]!.port}/sync`, docName, bruno.token, 'Bruno on B')
    clients.push(onA, onB)
    for (let i = 0; i < 3; i++) {
      onA.appendParagraph(`Alice, ligne ${i}.`)
      onB.appendParagraph(`Bruno, ligne ${i}.`)
      await Promise.all([roundTrip(onA), roundTrip(onB)])
    }
    await waitFor(() => onA.text().includes('Bruno, ligne 2.') && onB.text().includes('Alice, ligne 2.'), 'both texts converge')
    const db = cluster.handles[0]!.db
    const version = await waitFor(async () => (await textVersions(db, docName)).find((v) => v.event === 'pause'), 'the pause’s version', 15_000)
    const names = await db.selectFrom('participants').select('name').where('id', 'in', [...version.typistIds]).orderBy('name').execute()
    expect(names.map((n) => n.name)).toEqual(['Alice Martin', 'Bruno Petit'])
    const stored = (await cluster.handles[0]!.documents.load(docName))!
    expect(await versionParagraphs(db, version.id)).toEqual(stateParagraphs(stored.state, ...stored.updates))
    const history = await call<{ versions: unknown[] }>(cluster.at(1), bureau, 'GET', `/congresses/${seed.congressId}/proposals/${seed.proposals[3]!.id}/versions`)
    expect(history.body.versions).toHaveLength(1)
    // Stopping both processes takes whatever pause each still waited for: the second finds nothing new.
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers) await server.close()
    expect(await textVersions(db, docName)).toHaveLength(1)
  })
})
