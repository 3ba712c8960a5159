import { afterAll, describe, expect, test } from 'vitest'
import { startCluster } from '../bench/cluster.ts'
import { plenumCongress } from '../bench/plenum-setup.ts'
import { clientScriptGzipKb, convergence, editorReadyMs, fanout, freezeTime, idleMemory, inProcessVoteRate, rawSqliteRate, targetFor } from '../bench/scenarios.ts'
import { startHocuspocus, startPlenum, startReference, type BenchServer } from '../bench/servers.ts'
import { bareStorm, plenumStorm, prepareVoters, rawPostgresRate, startGenerators, stopGenerators } from '../bench/vote-storm.ts'
import { measureTextHistory } from '../bench/text-history.ts'

/** Every scenario of `npm run bench`, at toy sizes against the real servers, so the bench never rots. No timing is asserted. */
describe('benchmark smoke run', () => {
  const running: BenchServer[] = []
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()))
  })

  for (const [name, start] of [['plenum', startPlenum], ['reference', startReference], ['hocuspocus', startHocuspocus]] as const) {
    test(`${name}: fan-out, convergence and idle clients, every edit seen`, async () => {
      const server = await start()
      running.push(server)
      const { target } = await targetFor(server, 35)
      // Two load processes each time: clients in different processes must not collide on keys.
      const spread = await fanout(server, target, { readers: 4, edits: 5, intervalMs: 5, loadProcesses: 2 })
      expect(spread.missing).toBe(0)
      expect(spread.count).toBe(4 * 5)
      expect(Number.isFinite(spread.p99)).toBe(true)
      const converged = await convergence(server, target, { writers: 4, edits: 10, loadProcesses: 2 })
      expect(converged.converged).toBe(true)
      expect(converged.serverCpuSeconds).toBeGreaterThanOrEqual(0)
      expect(converged.messagesReceived).toBeGreaterThan(0)
      const idle = await idleMemory(server, target, { clients: 10, docs: 35, loadProcesses: 1 })
      expect(idle.rssMb).toBeGreaterThan(0)
    }, 120_000)
  }

  test('plenum: a small vote storm loses and doubles nothing; a freeze with amendments; the client', async () => {
    const server = await startPlenum()
    running.push(server)
    const generators = await startGenerators(1)
    try {
      const prepared = await prepareVoters(server, await plenumCongress(server), 20, generators)
      const storm = await plenumStorm([server], prepared, generators, 4, 'smoke')
      expect(storm).toMatchObject({ voters: 20, lost: 0, doubled: 0 })
      expect(storm.perSecond).toBeGreaterThan(0)
      const bare = await bareStorm(1, 20, generators, 4)
      expect(bare).toMatchObject({ voters: 20, lost: 0 })
      expect(await inProcessVoteRate(server, prepared.setup.congress.id, prepared.voters.map((v) => v.id))).toBeGreaterThan(0)
    } finally {
      await stopGenerators(generators)
    }
    expect(await rawPostgresRate(10)).toBeGreaterThan(0)
    expect(rawSqliteRate(10)).toBeGreaterThan(0)
    const other = await startPlenum()
    running.push(other)
    const frozen = await freezeTime(other, { amendments: 3 })
    expect(frozen.amendments).toBe(3)
    expect(clientScriptGzipKb()).toBeGreaterThan(10)
    expect(await editorReadyMs(await startPlenum().then((s) => (running.push(s), s)))).toBeGreaterThan(0)
  }, 180_000)

  test('the text history of a small congress day: versions taken, their bytes beside the texts', async () => {
    const { figures, rows } = await measureTextHistory(() => undefined, { keystrokes: 60, burst: 20, mergedTexts: 2, mergesPerText: 1 })
    // 30 texts × 3 pauses, 2 merges, 2 phase changes × 30 texts.
    expect(figures.versions).toBe(30 * 3 + 2 + 2 * 30)
    expect(figures.versionBytes).toBeGreaterThan(0)
    expect(figures.versionBytes).toBeLessThan(figures.fullCopyBytes)
    expect(rows).toHaveLength(5)
  }, 120_000)

  test('three processes on PostgreSQL + Redis: a small storm spread over them loses and doubles nothing; a fan-out across them misses nothing', async () => {
    const cluster = await startCluster(1, false)
    const generators = await startGenerators(1)
    try {
      const first = cluster.servers[0]!
      // Only the first start seeds the demo and prints its bureau code: signed in before the restart.
      const { target } = await targetFor(first, 1)
      const setup = await plenumCongress(first)
      await cluster.stopProcesses()
      const servers = await cluster.start(3, true)
      const spread = await fanout(servers[0]!, target, { readers: 6, edits: 5, intervalMs: 5, loadProcesses: 3 }, servers)
      expect(spread).toMatchObject({ missing: 0, count: 6 * 5 })
      const prepared = await prepareVoters(servers[0]!, setup, 30, generators)
      const storm = await plenumStorm(servers, prepared, generators, 6, 'smoke-cluster')
      expect(storm).toMatchObject({ voters: 30, lost: 0, doubled: 0 })
    } finally {
      await stopGenerators(generators)
      await cluster.stop()
    }
  }, 180_000)
})
