import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningServer } from '../../server/server.ts'
import type { DemoSeed } from '../../server/services/seed-demo.ts'
import { call } from '../helpers/ballots.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startPostgresProcesses, type PostgresProcesses } from '../helpers/postgres-processes.ts'
import { testRedisUrl } from '../helpers/test-database.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * Two server processes' worth of Plenum in this one (each its own pool, hub and Redis links) on one
 * PostgreSQL database and one Redis: what two bureau members on two processes, or a Redis that drops
 * one process for a moment, do to the phase every process holds.
 */
describe('two processes on one PostgreSQL', () => {
  let cluster: PostgresProcesses
  const clients: TestClient[] = []
  let seed: DemoSeed
  let servers: readonly RunningServer[]
  let handles: PostgresProcesses['handles']
  const at = (i: number) => cluster.at(i)
  const signIn = (i: number) => cluster.signIn(i)

  beforeAll(async () => {
    cluster = await startPostgresProcesses(2)
    ;({ seed, servers, handles } = cluster)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await cluster.close()
  })

  test('a process whose Redis link drops while the phase changes learns the phase when it is back, and its editors’ rights follow', async () => {
    const [tokenA, tokenB] = [await signIn(0), await signIn(1)]
    const docName = seed.proposals[0]!.docName
    const editor = await connectSynced(`ws://127.0.0.1:${servers[1]!.port}/sync`, docName, tokenB, 'bureau on B')
    clients.push(editor)
    expect(await servers[1]!.hub.phase(seed.congressId)).toBe('drafting')
    let readOnly = false
    editor.provider.ws?.addEventListener('message', (event: { data: unknown }) => {
      // The access message (shared/sync/access-message.ts) is a custom frame; any one after the sync says rights changed.
      if (event.data instanceof ArrayBuffer || Buffer.isBuffer(event.data)) readOnly ||= Buffer.from(event.data as ArrayBuffer).includes(Buffer.from('voting'))
    })

    // B's subscription is cut; the phase changes on A while B cannot hear it.
    const admin = new Redis(testRedisUrl)
    try {
      const list = await admin.client('LIST')
      const subscriber = String(list).split('\n').find((line) => line.includes(`name=plenum-sub-${subscriberOrigin(servers[1]!)} `))
      expect(subscriber).toBeDefined()
      await admin.client('KILL', 'ID', subscriber!.match(/id=(\d+)/)![1]!)
      expect((await call(at(0), tokenA, 'POST', `/congresses/${seed.congressId}/phase`, { phase: 'voting' })).status).toBe(200)
    } finally {
      admin.disconnect()
    }
    await waitFor(async () => (await servers[1]!.hub.phase(seed.congressId)) === 'voting', 'B knows the phase once its link is back', 10_000)
    await waitFor(() => readOnly, 'B’s editor told its text is no longer writable', 10_000)
    // And B refuses what the phase refuses.
    const onB = await call(at(1), tokenB, 'POST', `/congresses/${seed.congressId}/themes`, { title: 'Après coup' })
    expect(onB.status).toBe(409)
  })

  test('two bureau members freeze on two processes at once: one seal, and both processes hold `frozen` and refuse writes', async () => {
    const [tokenA, tokenB] = [await signIn(0), await signIn(1)]
    await call(at(0), tokenA, 'POST', `/congresses/${seed.congressId}/phase`, { phase: 'drafting' })
    const answers = await Promise.all([call(at(0), tokenA, 'POST', `/congresses/${seed.congressId}/freeze`), call(at(1), tokenB, 'POST', `/congresses/${seed.congressId}/freeze`)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const seals = await handles[0]!.db.selectFrom('seals').selectAll().where('congress_id', '=', seed.congressId).execute()
    expect(seals).toHaveLength(1)
    for (const server of servers) await waitFor(async () => (await server.hub.phase(seed.congressId)) === 'frozen', 'frozen on every process', 10_000)
    // A little later still: the loser's rollback must not announce the old phase after the winner's commit.
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const [i, token] of [tokenA, tokenB].entries()) {
      expect(await servers[i]!.hub.phase(seed.congressId)).toBe('frozen')
      expect((await call(at(i), token, 'PATCH', `/congresses/${seed.congressId}`, { place: 'Lyon' })).status).toBe(409)
    }
  })
})

/** The origin id a server's fan-out names its Redis connections with (plenum-sub-<origin>). */
function subscriberOrigin(server: RunningServer): string {
  if (!server.fanoutOrigin) throw new Error('the running server has no fan-out')
  return server.fanoutOrigin
}
