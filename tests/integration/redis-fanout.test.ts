import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type SqliteHandle } from '../../db/sqlite/open.ts'
import { createSqliteCongressStore } from '../../db/sqlite/congress-store.ts'
import { CongressHub, type HubEvent, type HubEventName } from '../../server/congress-hub.ts'
import { connectRedisFanout, type RedisFanout } from '../../server/fanout/redis-fanout.ts'
import { newId } from '../../server/ids.ts'
import { seedDemo } from '../../server/services/seed-demo.ts'
import { formatDocName } from '../../shared/docs/doc-name.ts'
import { createDocState, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { startChildServer, loginChild, importTarget, type ChildServer } from '../helpers/child-server.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { bearer, importAndSignIn } from '../helpers/participants.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { testRedisPrefix } from '../helpers/test-database.ts'
import { waitFor } from '../helpers/wait-for.ts'

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const plenumBin = fileURLToPath(new URL('../../bin/plenum.js', import.meta.url))

/** Every event one hub's listeners saw, in order. */
function record(hub: CongressHub) {
  const seen: { name: HubEventName; event: unknown }[] = []
  const names: HubEventName[] = [
    'phase-changed',
    'participant-revoked',
    'session-closed',
    'presence-changed',
    'structure-changed',
    'amendments-changed',
    'document-changed',
    'ballots-changed',
    'vote-cast',
    'attendance-changed',
    'projector-changed',
  ]
  for (const name of names) hub.subscribe(name, (event: HubEvent<typeof name>) => seen.push({ name, event }))
  return { seen, of: (name: HubEventName) => seen.filter((e) => e.name === name) }
}


/** What a hub holds of an amendment's writers, loaded as the sync socket loads it. */
async function authorshipOn(hub: CongressHub, docName: string) {
  await hub.prepare(docName.split('/')[0]!, docName, 'amendment')
  return hub.amendmentAuthorship(docName)
}

describe('congress events across processes through Redis (server/fanout/redis-fanout.ts)', () => {
  // A channel of its own per run, so that parallel runs never cross.
  const channelPrefix = testRedisPrefix()
  const dir = makeTempDir('plenum-fanout-')
  let dbA: SqliteHandle
  let dbB: SqliteHandle
  let hubA: CongressHub
  let hubB: CongressHub
  let fanoutA: RedisFanout
  let fanoutB: RedisFanout
  let congressId: string
  let seenA: ReturnType<typeof record>
  let seenB: ReturnType<typeof record>

  /** Waits until B has seen a marker sent after everything before it: Redis delivers one publisher's messages in order. */
  async function flush() {
    const marker = `marker-${randomUUID()}`
    hubA.projectorChanged(congressId, marker)
    await waitFor(() => seenB.of('projector-changed').some((e) => (e.event as { ballotId: string | null }).ballotId === marker), 'the marker on B')
  }

  beforeAll(async () => {
    // Two "processes": two connections to one SQLite file, two hubs, two fan-outs.
    const file = join(dir.path, 'plenum.sqlite')
    dbA = await openDatabase(file)
    dbB = await openDatabase(file)
    congressId = (await seedDemo(dbA.db, Date.now())).congressId
    hubA = new CongressHub(createSqliteCongressStore(dbA.sqlite))
    hubB = new CongressHub(createSqliteCongressStore(dbB.sqlite))
    fanoutA = await connectRedisFanout({ url: redisUrl, channelPrefix })
    fanoutB = await connectRedisFanout({ url: redisUrl, channelPrefix })
    fanoutA.attach(hubA)
    fanoutB.attach(hubB)
    seenA = record(hubA)
    seenB = record(hubB)
  })

  afterAll(async () => {
    await fanoutA?.close()
    await fanoutB?.close()
    await dbA?.close()
    await dbB?.close()
    dir.remove()
  })

  test('a phase change on A reaches B once and B’s phaseOf answers it; A never gets its own events back', async () => {
    expect(await hubB.phase(congressId)).toBe('drafting')
    const ownBefore = fanoutA.stats.ownSkipped
    // The change is committed (by A's process) before the hub hears of it, as in the app.
    dbA.sqlite.prepare("UPDATE congresses SET phase = 'amendments' WHERE id = ?").run(congressId)
    hubA.phaseChanged(congressId, 'amendments')
    await flush()

    expect(seenB.of('phase-changed')).toEqual([{ name: 'phase-changed', event: { congressId, phase: 'amendments' } }])
    expect(await hubB.phase(congressId)).toBe('amendments')
    // A's listeners heard it once, locally; Redis handed A its own two messages, which it skipped.
    expect(seenA.of('phase-changed')).toHaveLength(1)
    await waitFor(() => fanoutA.stats.ownSkipped - ownBefore === 2, 'A to skip its own two messages')
    expect(seenA.of('projector-changed')).toHaveLength(1)
    // B applied the events without sending them on: nothing comes back to A from B.
    expect(fanoutB.stats.published).toBe(0)
  })

  test('a revoked participant on A reaches B’s participant-revoked listeners (which close sockets); a closed session too', async () => {
    hubA.participantRevoked(congressId, 'participant-1')
    hubA.sessionClosed(congressId, 'token-hash-1')
    await flush()
    expect(seenB.of('participant-revoked')).toEqual([{ name: 'participant-revoked', event: { congressId, participantId: 'participant-1' } }])
    expect(seenB.of('session-closed')).toEqual([{ name: 'session-closed', event: { congressId, tokenHash: 'token-hash-1' } }])
  })

  test('amendmentsChanged on A drops B’s authorship cache: B reads the store again', async () => {
    const author = dbA.sqlite.prepare<[string], { id: string }>('SELECT id FROM participants WHERE congress_id = ? LIMIT 1').get(congressId)!
    const amendmentId = newId()
    const docName = formatDocName({ congressId, kind: 'amendment', id: amendmentId })
    const now = Date.now()
    await dbA.db.insertInto('documents').values({ name: docName, congress_id: congressId, kind: 'amendment', state: createDocState(paragraphsToContent(['Texte'])), updated_at: now }).execute()
    await dbA.db
      .insertInto('amendments')
      .values({
        id: amendmentId,
        congress_id: congressId,
        proposal_id: null,
        target_doc: formatDocName({ congressId, kind: 'preamble', id: 'main' }),
        number: 1,
        doc_name: docName,
        author_id: author.id,
        justification: 'test',
        status: 'draft',
        fork_vector: new Uint8Array([0]),
        ruling_reason: null,
        merged_onto: null,
        created_at: now,
        updated_at: now,
        merged_at: null,
      })
      .execute()
    expect((await authorshipOn(hubB, docName))?.status).toBe('draft')

    dbA.sqlite.prepare("UPDATE amendments SET status = 'submitted' WHERE id = ?").run(amendmentId)
    // B still holds what it cached: nothing told it yet.
    expect((await authorshipOn(hubB, docName))?.status).toBe('draft')
    hubA.amendmentsChanged(congressId, [docName])
    await flush()
    expect(seenB.of('amendments-changed')).toEqual([{ name: 'amendments-changed', event: { congressId, docNames: [docName] } }])
    expect((await authorshipOn(hubB, docName))?.status).toBe('submitted')
  })

  test('every other event crosses once, with its payload', async () => {
    const docName = formatDocName({ congressId, kind: 'proposal', id: 'p1' })
    hubA.structureChanged(congressId)
    hubA.documentChanged(congressId, docName, 'proposal')
    hubA.ballotsChanged(congressId, 'ballot-1')
    hubA.voteCast(congressId, 'ballot-1')
    hubA.attendanceChanged(congressId)
    hubA.presenceChanged(congressId)
    hubA.projectorChanged(congressId, null)
    await flush()
    expect(seenB.of('structure-changed')).toEqual([{ name: 'structure-changed', event: { congressId } }])
    expect(seenB.of('document-changed')).toEqual([{ name: 'document-changed', event: { congressId, docName, kind: 'proposal' } }])
    expect(seenB.of('ballots-changed')).toEqual([{ name: 'ballots-changed', event: { congressId, ballotId: 'ballot-1' } }])
    expect(seenB.of('vote-cast')).toEqual([{ name: 'vote-cast', event: { congressId, ballotId: 'ballot-1' } }])
    expect(seenB.of('attendance-changed')).toEqual([{ name: 'attendance-changed', event: { congressId } }])
    expect(seenB.of('presence-changed')).toEqual([{ name: 'presence-changed', event: { congressId } }])
    expect(seenB.of('projector-changed').filter((e) => (e.event as { ballotId: unknown }).ballotId === null)).toHaveLength(1)
    // Everything A's listeners heard, B's heard once, in the same order; A heard nothing twice.
    expect(seenB.seen).toEqual(seenA.seen)
    expect(fanoutB.stats.published).toBe(0)
  })

  test('an event from B reaches A the same way (each process both sends and receives)', async () => {
    hubB.attendanceChanged(congressId)
    await waitFor(() => seenA.of('attendance-changed').length === 2, 'the attendance change on A')
    expect(fanoutB.stats.published).toBe(1)
  })

  test('a malformed message published by hand is dropped and counted, never thrown; the next good one still arrives', async () => {
    const raw = new Redis(redisUrl)
    const errors: unknown[] = []
    const onError = (error: unknown) => errors.push(error)
    process.on('uncaughtException', onError)
    try {
      const droppedBefore = fanoutB.stats.dropped
      const bad = [
        'not json',
        '[]',
        'null',
        JSON.stringify({ origin: 'elsewhere', name: 'phase-changed', event: { congressId, phase: 'adjourned' } }),
        JSON.stringify({ origin: 'elsewhere', name: 'no-such-event', event: { congressId } }),
        JSON.stringify({ origin: 'elsewhere', name: 'amendments-changed', event: { congressId, docNames: [1] } }),
        JSON.stringify({ origin: 'elsewhere', name: 'document-changed', event: { congressId, docName: 'd', kind: 'poem' } }),
        JSON.stringify({ origin: 'elsewhere', name: 'projector-changed', event: { congressId } }),
        JSON.stringify({ origin: 42, name: 'structure-changed', event: { congressId } }),
        JSON.stringify({ name: 'structure-changed', event: { congressId } }),
      ]
      for (const message of bad) await raw.publish(`${channelPrefix}congress-events`, message)
      const before = seenB.seen.length
      await flush()
      expect(fanoutB.stats.dropped - droppedBefore).toBe(bad.length)
      // Only the marker arrived; the phase is untouched.
      expect(seenB.seen.slice(before).map((e) => e.name)).toEqual(['projector-changed'])
      expect(await hubB.phase(congressId)).toBe('amendments')
      expect(errors).toEqual([])
    } finally {
      process.off('uncaughtException', onError)
      raw.disconnect()
    }
  })

  test('an unreachable Redis is a clear error at once, not a hang', async () => {
    const started = Date.now()
    await expect(connectRedisFanout({ url: 'redis://127.0.0.1:1', channelPrefix })).rejects.toThrow(/Redis .*127\.0\.0\.1:1/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('two `plenum serve` processes on one data folder with REDIS_URL', () => {
  const dir = makeTempDir('plenum-fanout-serve-')
  const servers: ChildServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    dir.remove()
  })

  test('a phase change made through process A’s API reaches an event stream opened on process B; a code revoked on A ends the stream on B', async () => {
    // The default channel: other runs' events name other congresses (random ids), which these streams ignore.
    const env = { REDIS_URL: redisUrl }
    const a = await startChildServer(dir.path, { env })
    servers.push(a)
    const b = await startChildServer(dir.path, { env })
    servers.push(b)
    const { token: bureau, congress } = await loginChild(a)
    const [attendee] = await importAndSignIn(importTarget(a, congress.id), bureau, [{ name: 'Test attendee', role: 'attendee' }])

    const stream = openEvents(`${b.baseUrl}/api/congresses/${congress.id}/events`, attendee!.token)
    await waitFor(() => stream.events.some((e) => e.event === 'phase'), 'the current phase on B')
    expect(stream.events[0]).toEqual({ event: 'phase', data: { phase: 'drafting' } })

    const changed = await fetch(`${a.baseUrl}/api/congresses/${congress.id}/phase`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify({ phase: 'amendments' }),
    })
    expect(changed.status).toBe(200)
    await waitFor(() => stream.events.some((e) => e.event === 'phase' && (e.data as { phase: string }).phase === 'amendments'), 'the phase change on B')
    expect(stream.events.filter((e) => e.event === 'phase')).toEqual([
      { event: 'phase', data: { phase: 'drafting' } },
      { event: 'phase', data: { phase: 'amendments' } },
    ])

    const revoked = await fetch(`${a.baseUrl}/api/congresses/${congress.id}/participants/${attendee!.id}/revoke`, { method: 'POST', headers: bearer(bureau) })
    expect(revoked.ok).toBe(true)
    expect(await stream.done).toBe('ended')
    stream.close()
  })

  test('an unreachable Redis at start: `plenum serve` says so and exits with code 1, not a hang', async () => {
    const child = spawn(process.execPath, [plenumBin, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dir.path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1', NODE_ENV: 'test' },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)))
    expect(output).toContain('plenum: cannot reach Redis at 127.0.0.1:1 (REDIS_URL): connect ECONNREFUSED')
    expect(output).not.toContain('listening on')
    expect(code).toBe(1)
  })
})
