import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Choice } from '../../shared/ballots/ballot-rule.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { call, type Answer } from '../helpers/ballots.ts'
import { sessionFor, startChildServer, type ChildServer } from '../helpers/child-server.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { bearer } from '../helpers/participants.ts'
import { boundedAll, startProcessCluster, type ProcessCluster } from '../helpers/process-cluster.ts'
import { connectSynced, nextClose, type TestClient } from '../helpers/providers.ts'
import { createTestDatabase } from '../helpers/test-database.ts'
import { waitFor } from '../helpers/wait-for.ts'

const processCount = 3

// Over real sockets on 127.0.0.1: three `plenum serve` children on one fresh PostgreSQL database, one
// data folder (one seal key) and the machine's Redis, on its default `plenum:` channels (events name
// congresses by random ids, so other runs' events are ignored). The describes share the cluster and
// run in order: the phase each needs is set at its start.

/** `promise`, or a failure naming `what` after `ms`: no wait in this file is unbounded. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

describe('three `plenum serve` processes on one PostgreSQL database and Redis', () => {
  let cluster: ProcessCluster
  let bureau: string
  const clients: TestClient[] = []
  const streams: { close(): void }[] = []

  const congressPath = () => `/congresses/${cluster.seed.congressId}`
  const server = (slot: number) => cluster.at(slot)
  /** A client that stays until the end (destroyed in afterAll). */
  const kept = (client: TestClient) => (clients.push(client), client)

  async function api<T = any>(slot: number, token: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const target = server(slot)
    try {
      return await call<T>(target, token, method, path, body)
    } catch (error) {
      // A process that dropped the connection: whether it is still alive, and what it last said.
      const { exitCode, signalCode } = target.process
      throw new Error(`${method} ${path} on process ${slot} (exit ${exitCode}, signal ${signalCode}): ${String(error)} ${String((error as Error).cause)}\n${target.output().slice(-4000)}`)
    }
  }
  async function ok<T = any>(slot: number, token: string, method: string, path: string, body?: unknown, status = 200): Promise<T> {
    const answer = await api<T>(slot, token, method, path, body)
    if (answer.status !== status) throw new Error(`${method} ${path} on process ${slot}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body
  }
  /** Moves the congress to `phase` through process `slot` (already there: nothing to do, so tests run alone too). */
  async function setPhase(slot: number, phase: string) {
    const answer = await api(slot, bureau, 'POST', `${congressPath()}/phase`, { phase })
    if (answer.status !== 200 && answer.body?.error?.refusal !== 'same_phase') throw new Error(`phase ${phase}: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  /** `plenum audit verify` on the cluster's database; if the chain broke, the entries around the break, to say what forked it. */
  async function expectAuditChainHolds(when: string) {
    const audit = await cluster.plenum(['audit', 'verify', '--data', cluster.dataDir, '--json'])
    const result = JSON.parse(audit.stdout || '{}') as { ok?: boolean; brokenSeq?: number }
    let around = ''
    if (!result.ok && result.brokenSeq !== undefined) {
      const client = new pg.Client({ connectionString: cluster.database.url })
      await client.connect()
      try {
        const { rows } = await client.query('SELECT seq, at, action, left(prev_hash, 8) AS prev, left(hash, 8) AS hash FROM audit_log WHERE seq BETWEEN $1 AND $2 ORDER BY seq', [result.brokenSeq - 4, result.brokenSeq + 2])
        around = JSON.stringify(rows, null, 1)
      } finally {
        await client.end()
      }
    }
    expect(result.ok, `the audit chain ${when}: ${audit.stdout} ${audit.stderr} ${around}`).toBe(true)
    expect(audit.code).toBe(0)
  }
  /** A test that failed with a ballot open would hold every later one: what is open is closed first. */
  async function closeOpenBallots() {
    const { ballots } = await ok<{ ballots: { id: string; status: string }[] }>(0, bureau, 'GET', `${congressPath()}/ballots`)
    for (const ballot of ballots) if (ballot.status === 'open') await ok(0, bureau, 'POST', `/ballots/${ballot.id}/close`)
  }
  /** People imported through the API of process `slot`, signed in on it. */
  async function importPeople(slot: number, people: readonly { name: string; role: string }[]) {
    const rows = people.map((p, i) => ({ ...p, organisation: 'Ville test', email: `p${i}.${Date.now()}.${Math.random().toString(36).slice(2)}@example.fr` }))
    const { participants } = await ok<{ participants: { id: string; name: string; code: string }[] }>(slot, bureau, 'POST', `${congressPath()}/participants`, rows, 201)
    return Promise.all(participants.map(async (p) => ({ ...p, token: (await sessionFor(server(slot).baseUrl, p.code)).token })))
  }

  beforeAll(async () => {
    cluster = await startProcessCluster(processCount)
    bureau = (await sessionFor(server(0).baseUrl, cluster.seed.bureauCode)).token
  }, 90_000)

  afterAll(async () => {
    for (const stream of streams) stream.close()
    for (const client of clients) client.destroy()
    await cluster?.close()
  }, 60_000)

  describe('1. the claim on the database', () => {
    test('a process without REDIS_URL on a database the cluster serves exits 1, saying why; nothing listens', async () => {
      const alone = await cluster.serveExpectingExit({ DATABASE_URL: cluster.database.url })
      expect(alone.stderr).toContain('plenum: another Plenum process already serves this database: several processes need REDIS_URL (the same Redis for all), or stop the other one')
      expect(alone.stdout).not.toContain('listening on')
      expect(alone.code).toBe(1)
    })

    test('a process without Redis first, then one with Redis: the second is refused, and the first serves on', async () => {
      // Its own database: the cluster's processes hold theirs with Redis.
      const other = await createTestDatabase()
      let first: ChildServer | undefined
      try {
        const seeded = await cluster.plenum(['seed-demo', '--data', cluster.dataDir, '--json'], { DATABASE_URL: other.url })
        expect(seeded.code).toBe(0)
        const { bureauCode } = JSON.parse(seeded.stdout) as { bureauCode: string }
        first = await startChildServer(cluster.dataDir, { bureauCode, env: { DATABASE_URL: other.url, REDIS_URL: '' } })
        const second = await cluster.serveExpectingExit({ DATABASE_URL: other.url, REDIS_URL: cluster.env.REDIS_URL! })
        expect(second.stderr).toContain('plenum: another Plenum process serves this database without REDIS_URL: stop it, or give every process the same REDIS_URL')
        expect(second.stdout).not.toContain('listening on')
        expect(second.code).toBe(1)
        expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200)
      } finally {
        await first?.stop('SIGKILL')
        await other.drop()
      }
    })
  })

  describe('2. documents', () => {
    test('six writers on two proposals, two per process, type at once: every client, and a fresh one on each process, reads one text; after every process restarts, the stored text is the same', async () => {
      await setPhase(0, 'drafting')
      const docs = [cluster.seed.proposals[0]!.docName, cluster.seed.proposals[1]!.docName]
      const writers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => connectSynced(server(i % processCount).wsUrl, docs[Math.floor(i / 3)]!, bureau, `Rédacteur ${i}`)),
      )
      const rounds = 25
      for (let round = 0; round < rounds; round++) {
        writers.forEach((writer, i) => writer.appendParagraph(`Ligne ${round} du rédacteur ${i}.`))
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      const expected = (docIndex: number) => writers.flatMap((_, i) => (Math.floor(i / 3) === docIndex ? Array.from({ length: rounds }, (_, r) => `Ligne ${r} du rédacteur ${i}.`) : []))
      for (const [d, doc] of docs.entries()) {
        const group = writers.filter((_, i) => Math.floor(i / 3) === d)
        await waitFor(() => group.every((w) => w.text() === group[0]!.text() && expected(d).every((line) => w.text().includes(line))), `the writers of ${doc} to converge`, 20_000)
      }
      const finals = docs.map((_, d) => writers[d * 3]!.text())
      for (const writer of writers) writer.destroy()

      // A reader fresh on each process gets the same text, from that process's room or its store.
      for (const [d, doc] of docs.entries()) {
        for (let slot = 0; slot < processCount; slot++) {
          const reader = await connectSynced(server(slot).wsUrl, doc, bureau, 'Lecteur')
          expect(reader.text(), `${doc} on process ${slot}`).toBe(finals[d])
          reader.destroy()
        }
      }

      for (let slot = 0; slot < processCount; slot++) await cluster.stop(slot)
      for (let slot = 0; slot < processCount; slot++) await cluster.start(slot)
      for (const [d, doc] of docs.entries()) {
        const reader = await connectSynced(server(d + 1).wsUrl, doc, bureau, 'Lecteur')
        expect(reader.text(), `${doc} as stored`).toBe(finals[d])
        reader.destroy()
      }
    }, 90_000)

    test('awareness crosses processes: a client on A sees the name the server stamped on a client of C', async () => {
      const [alice, bob] = await importPeople(0, [
        { name: 'Alice Traverse', role: 'delegate' },
        { name: 'Bob Distant', role: 'delegate' },
      ])
      const doc = cluster.seed.proposals[2]!.docName
      const onA = kept(await connectSynced(server(0).wsUrl, doc, alice!.token, 'un nom choisi par A'))
      // Its client renews its state every 15 s: stopped, so that only the servers can bring it to C.
      clearInterval((onA.provider.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval)
      const onC = kept(await connectSynced(server(2).wsUrl, doc, bob!.token, 'un nom choisi par C'))
      const nameSeen = (viewer: TestClient, other: TestClient) => (viewer.provider.awareness.getStates().get(other.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name
      expect(await waitFor(() => nameSeen(onA, onC), 'C’s client seen on A')).toBe('Bob Distant')
      expect(await waitFor(() => nameSeen(onC, onA), 'A’s client seen on C')).toBe('Alice Traverse')
      const gone = onC.doc.clientID
      onC.destroy()
      await waitFor(() => !onA.provider.awareness.getStates().has(gone), 'C’s client gone on A')
    })
  })

  describe('3. congress events', () => {
    test('a phase change made through A reaches event streams on B and C', async () => {
      const [watcher] = await importPeople(1, [{ name: 'Veilleur', role: 'attendee' }])
      const onB = openEvents(`${server(1).baseUrl}/api${congressPath()}/events`, watcher!.token)
      const onC = openEvents(`${server(2).baseUrl}/api${congressPath()}/events`, watcher!.token)
      streams.push(onB, onC)
      const phases = (stream: typeof onB) => stream.events.filter((e) => e.event === 'phase').map((e) => (e.data as { phase: string }).phase)
      await waitFor(() => phases(onB).length > 0 && phases(onC).length > 0, 'the current phase on B and C')
      expect(phases(onB)).toEqual(['drafting'])
      expect(phases(onC)).toEqual(['drafting'])
      await setPhase(0, 'amendments')
      await waitFor(() => phases(onB).includes('amendments') && phases(onC).includes('amendments'), 'the phase change on B and C')
      expect(phases(onB)).toEqual(['drafting', 'amendments'])
      expect(phases(onC)).toEqual(['drafting', 'amendments'])
      await setPhase(2, 'drafting')
      await waitFor(() => phases(onB).at(-1) === 'drafting' && phases(onC).at(-1) === 'drafting', 'the way back on B and C')
    })

    test('a code reissued through the API of A closes its holder’s sockets on A, B and C with 4401', async () => {
      const [holder] = await importPeople(0, [{ name: 'Porteur de trois sockets', role: 'delegate' }])
      const doc = cluster.seed.proposals[3]!.docName
      const sockets = await Promise.all([0, 1, 2].map((slot) => connectSynced(server(slot).wsUrl, doc, holder!.token, `socket ${slot}`)))
      clients.push(...sockets)
      const closes = sockets.map((client) => nextClose(client.provider))
      await ok(0, bureau, 'POST', `${congressPath()}/participants/${holder!.id}/reissue`)
      const codes = await within(Promise.all(closes), 10_000, 'the three sockets to close')
      expect(codes).toEqual([CloseCode.Unauthorized, CloseCode.Unauthorized, CloseCode.Unauthorized])
    })

    test('a code reissued with `plenum participants reissue` (the CLI, on the same DATABASE_URL and REDIS_URL) closes its holder’s sockets on A, B and C', async () => {
      const [holder] = await importPeople(1, [{ name: 'Porteur réémis en ligne de commande', role: 'delegate' }])
      const doc = cluster.seed.proposals[4]!.docName
      const sockets = await Promise.all([0, 1, 2].map((slot) => connectSynced(server(slot).wsUrl, doc, holder!.token, `socket ${slot}`)))
      clients.push(...sockets)
      const closes = sockets.map((client) => nextClose(client.provider))
      const reissued = await cluster.plenum(['participants', 'reissue', holder!.id, '--congress', cluster.seed.congressId, '--data', cluster.dataDir, '--json'])
      expect(reissued.code, reissued.stderr).toBe(0)
      // The old token is refused at once: the sessions are gone from the database.
      expect((await api(2, holder!.token, 'GET', congressPath())).status).toBe(401)
      const codes = await within(Promise.all(closes), 10_000, 'the three sockets to close')
      expect(codes).toEqual([CloseCode.Unauthorized, CloseCode.Unauthorized, CloseCode.Unauthorized])
    })
  })

  describe('5a. SIGKILL during an editing storm', () => {
    test('one process killed while six writers type: its clients move to another process, everything typed (and so everything acknowledged) is in the one final text, stored', async () => {
      const doc = cluster.seed.proposals[5]!.docName
      const killed = 2
      const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => connectSynced(server(i % processCount).wsUrl, doc, bureau, `Tempête ${i}`)))
      clients.push(...writers)
      const survivor = server((killed + 1) % processCount).wsUrl
      // A closed socket of the killed process: the provider's next attempt goes to a survivor.
      const moved = writers.map((writer, i) =>
        i % processCount === killed
          ? nextClose(writer.provider).then((code) => {
              writer.provider.serverUrl = survivor
              return code
            })
          : undefined,
      )
      const line = (writer: number, n: number) => `Tempête ${n} de ${writer}.`
      // What some other client received: acknowledged by the servers, so never to be lost.
      const acknowledged = new Set<string>()
      writers.forEach((writer, i) =>
        writer.doc.on('update', () => {
          for (const text of writer.text().split('\n')) {
            const author = /^Tempête \d+ de (\d+)\.$/.exec(text)?.[1]
            if (author !== undefined && Number(author) !== i) acknowledged.add(text)
          }
        }),
      )
      const perWriter = 60
      for (let n = 0; n < perWriter; n++) {
        if (n === perWriter / 2) await cluster.stop(killed, 'SIGKILL')
        writers.forEach((writer, i) => writer.appendParagraph(line(i, n)))
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      for (const close of moved) if (close) expect(await within(close, 10_000, 'the killed process’s sockets to close')).not.toBe(CloseCode.Unauthorized)
      const typed = writers.flatMap((_, i) => Array.from({ length: perWriter }, (_, n) => line(i, n)))
      await waitFor(
        () => writers.every((w) => w.provider.synced && w.text() === writers[0]!.text() && typed.every((t) => w.text().includes(t))),
        'the writers to converge after the kill',
        20_000,
      )
      const final = writers[0]!.text()
      expect(acknowledged.size).toBeGreaterThan(0)
      for (const text of acknowledged) expect(final).toContain(text)

      await cluster.start(killed)
      for (let slot = 0; slot < processCount; slot++) {
        const reader = await connectSynced(server(slot).wsUrl, doc, bureau, 'Lecteur')
        expect(reader.text(), `process ${slot}`).toBe(final)
        reader.destroy()
      }
    }, 90_000)
  })

  describe('4. votes', () => {
    const voterCount = 3000
    const choices: readonly Choice[] = ['yes', 'no', 'abstain']
    let voters: { id: string; name: string; code: string; token: string }[] = []

    test('3,000 people imported with `plenum participants import`, signed in and checked in over the three processes', async () => {
      const csv = ['name,organisation,email,role', ...Array.from({ length: voterCount }, (_, i) => `Votant ${i},Ville ${i % 40},votant${i}@example.fr,attendee`)].join('\n')
      const file = join(cluster.dataDir, 'votants.csv')
      writeFileSync(file, csv)
      const imported = await cluster.plenum(['participants', 'import', file, '--congress', cluster.seed.congressId, '--data', cluster.dataDir, '--json'])
      expect(imported.code, imported.stderr).toBe(0)
      const people = (JSON.parse(imported.stdout) as { participants: { id: string; name: string; code: string }[] }).participants
      expect(people).toHaveLength(voterCount)
      voters = await boundedAll(people, 64, async (p, i) => ({ ...p, token: (await sessionFor(server(i % processCount).baseUrl, p.code)).token }))
      await setPhase(1, 'voting')
      await boundedAll(voters, 64, (v, i) => ok(i % processCount, bureau, 'PUT', `${congressPath()}/attendance/${v.id}`, { present: true }))
      // 3,000 check-ins, each audited, at once on three processes: still one chain, no fork.
      await expectAuditChainHolds('after 3,000 check-ins at once')
    }, 120_000)

    test('6,000 requests from 3,000 voters over the three processes, retries and second votes mixed in: one vote per person, every receipt on the board, 3,000 counted', async () => {
      expect(voters).toHaveLength(voterCount)
      const subject = { kind: 'proposal', id: cluster.seed.proposals[28]!.id }
      const created = await ok(0, bureau, 'POST', '/ballots', { congressId: cluster.seed.congressId, subject }, 201)
      const ballot = await ok(0, bureau, 'POST', `/ballots/${created.id}/open`)
      expect(ballot.electorate?.present).toBe(voterCount)

      // Even voters retry their vote (same clientVoteId) on another process; odd ones try a second, different vote there.
      const requests = voters.flatMap((voter, i) => {
        const clientVoteId = `three-${i}-${voter.id}`
        const choice = choices[i % 3]!
        const second = i % 2 === 0 ? { choice, clientVoteId } : { choice: choices[(i + 1) % 3]!, clientVoteId: `${clientVoteId}-again` }
        return [
          { voter: i, slot: i % processCount, choice, clientVoteId },
          { voter: i, slot: (i + 1) % processCount, ...second },
        ]
      })
      const answers = await boundedAll(requests, 64, async (r) => ({
        ...r,
        answer: await api<{ receipt: string; error?: { code: string } }>(r.slot, voters[r.voter]!.token, 'POST', `/ballots/${ballot.id}/votes`, {
          choice: r.choice,
          clientVoteId: r.clientVoteId,
        }),
      }))

      const unexpected = answers.filter((a) => a.answer.status !== 200 && a.answer.body.error?.code !== 'already_voted')
      const logs = () => [0, 1, 2].map((slot) => `--- process ${slot}:\n${server(slot).output().slice(-6000)}`).join('\n')
      expect(unexpected.map((a) => `${a.voter % 2 ? 'second' : 'retry'} on ${a.slot}: ${a.answer.status} ${JSON.stringify(a.answer.body)}`), logs()).toEqual([])
      const counted = new Map<string, Choice>()
      for (let i = 0; i < voterCount; i++) {
        const accepted = [answers[2 * i]!, answers[2 * i + 1]!].filter((a) => a.answer.status === 200)
        if (i % 2 === 0) {
          expect(accepted, `voter ${i}: a retry answers the same receipt`).toHaveLength(2)
          expect(accepted[0]!.answer.body.receipt).toBe(accepted[1]!.answer.body.receipt)
        } else {
          expect(accepted, `voter ${i}: exactly one of two different votes gets in`).toHaveLength(1)
        }
        counted.set(accepted[0]!.answer.body.receipt, accepted[0]!.choice)
      }
      expect(counted.size).toBe(voterCount)

      const client = new pg.Client({ connectionString: cluster.database.url })
      await client.connect()
      try {
        const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM ballot_box WHERE ballot_id = $1', [ballot.id])
        expect(Number(rows[0]!.n)).toBe(voterCount)
      } finally {
        await client.end()
      }
      await ok(1, bureau, 'POST', `/ballots/${ballot.id}/close`)
      await ok(2, bureau, 'POST', `/ballots/${ballot.id}/publish`)
      const board = await ok(0, voters[0]!.token, 'GET', `/ballots/${ballot.id}/board`)
      expect(board.duplicates).toEqual([])
      expect(board.entries).toHaveLength(voterCount)
      for (const entry of board.entries) expect(counted.get(entry.receipt), entry.receipt).toBe(entry.choice)
      const published = await ok(1, voters[1]!.token, 'GET', `/ballots/${ballot.id}`)
      expect(published.result?.cast).toBe(voterCount)
      // 1,500 second attempts refused on three processes at once, each logged.
      await expectAuditChainHolds('after the vote storm')
    }, 120_000)

    test('5b. SIGKILL during a vote burst: a request lost with its process is sent again, same clientVoteId, to another; every 2xx receipt is on the board, once per person', async () => {
      expect(voters).toHaveLength(voterCount)
      const burst = voters.slice(0, 900)
      await closeOpenBallots()
      const killed = 1
      const urls = Array.from({ length: processCount }, (_, slot) => server(slot).baseUrl)
      const down = new Set<number>()
      const subject = { kind: 'proposal', id: cluster.seed.proposals[27]!.id }
      const created = await ok(0, bureau, 'POST', '/ballots', { congressId: cluster.seed.congressId, subject }, 201)
      const ballot = await ok(2, bureau, 'POST', `/ballots/${created.id}/open`)

      let done = 0
      const killing = waitFor(() => done >= 300, 'a third of the burst', 30_000).then(async () => {
        down.add(killed)
        await cluster.stop(killed, 'SIGKILL')
      })
      const receipts = await boundedAll(burst, 64, async (voter, i) => {
        const body = { choice: choices[i % 3]!, clientVoteId: `burst-${voter.id}` }
        const seen: string[] = []
        for (let attempt = 0, slot = i % processCount; attempt < 6; attempt++, slot = (slot + 1) % processCount) {
          if (down.has(slot)) continue
          try {
            const answer = await call<{ receipt: string }>({ baseUrl: urls[slot]! }, voter.token, 'POST', `/ballots/${ballot.id}/votes`, body)
            seen.push(`${slot}: ${answer.status} ${JSON.stringify(answer.body)}`)
            if (answer.status >= 200 && answer.status < 300) {
              done += 1
              return { voter: voter.id, choice: body.choice, receipt: answer.body.receipt }
            }
          } catch (error) {
            // The process died with the request: the same vote goes to the next process.
            seen.push(`${slot}: ${String(error)}`)
          }
        }
        throw new Error(`voter ${i} got no receipt: ${seen.join('; ')}`)
      })
      await killing
      expect(new Set(receipts.map((r) => r.receipt)).size).toBe(burst.length)

      await ok(0, bureau, 'POST', `/ballots/${ballot.id}/close`)
      await ok(2, bureau, 'POST', `/ballots/${ballot.id}/publish`)
      const board = await ok(0, burst[0]!.token, 'GET', `/ballots/${ballot.id}/board`)
      expect(board.duplicates).toEqual([])
      expect(board.entries).toHaveLength(burst.length)
      const onBoard = new Map<string, Choice>(board.entries.map((e: { receipt: string; choice: Choice }) => [e.receipt, e.choice]))
      for (const r of receipts) expect(onBoard.get(r.receipt), r.receipt).toBe(r.choice)
      await expectAuditChainHolds('after the burst and the kill')
      await cluster.start(killed)
    }, 90_000)
  })
  describe('6. a congress day over the three processes', () => {
    test('import, drafting, an amendment filed and co-edited, a ballot opened on one process, votes on all three, closed and published on another, the freeze on a third: plenum verify passes the bundle', async () => {
      const people = [
        'name,organisation,email,role',
        'Alice Jour,Ville de Brest,alice.jour@example.fr,delegate',
        'Bruno Jour,Ville de Lyon,bruno.jour@example.fr,delegate',
        ...Array.from({ length: 30 }, (_, i) => `Congressiste ${i},Ville ${i},congressiste${i}@example.fr,attendee`),
      ].join('\n')
      const file = join(cluster.dataDir, 'journee.csv')
      writeFileSync(file, people)
      const imported = await cluster.plenum(['participants', 'import', file, '--congress', cluster.seed.congressId, '--data', cluster.dataDir, '--json'])
      expect(imported.code, imported.stderr).toBe(0)
      const rows = (JSON.parse(imported.stdout) as { participants: { id: string; name: string; code: string }[] }).participants
      const signed = await Promise.all(rows.map(async (p, i) => ({ ...p, token: (await sessionFor(server(i % processCount).baseUrl, p.code)).token })))
      const [alice, bruno, ...hall] = signed

      await closeOpenBallots()
      // Drafting: the bureau on B and Alice on A write one proposal.
      await setPhase(0, 'drafting')
      const proposal = cluster.seed.proposals[9]!
      const aliceDraft = kept(await connectSynced(server(0).wsUrl, proposal.docName, alice!.token, 'Alice'))
      const bureauDraft = kept(await connectSynced(server(1).wsUrl, proposal.docName, bureau, 'Bureau'))
      aliceDraft.appendParagraph('Rédaction d’Alice.')
      bureauDraft.appendParagraph('Rédaction du bureau.')
      await waitFor(() => [aliceDraft, bureauDraft].every((c) => c.text().includes('Rédaction d’Alice.') && c.text().includes('Rédaction du bureau.')), 'the drafting to converge')

      // Amendments: filed through C, co-signed through A, accepted through B, co-edited on A and C.
      await setPhase(1, 'amendments')
      const filed = await ok(2, alice!.token, 'POST', `/proposals/${proposal.id}/amendments`, { justification: 'Préciser la rédaction.' }, 201)
      await ok(0, bruno!.token, 'POST', `/amendments/${filed.id}/cosign`)
      await ok(1, alice!.token, 'POST', `/amendments/${filed.id}/cosigners/${bruno!.id}/accept`)
      const aliceEdits = kept(await connectSynced(server(0).wsUrl, filed.docName, alice!.token, 'Alice'))
      const brunoEdits = kept(await connectSynced(server(2).wsUrl, filed.docName, bruno!.token, 'Bruno'))
      aliceEdits.appendParagraph('Ajout d’Alice à l’amendement.')
      brunoEdits.appendParagraph('Ajout de Bruno à l’amendement.')
      await waitFor(
        () => [aliceEdits, brunoEdits].every((c) => c.text() === aliceEdits.text() && c.text().includes('Ajout d’Alice') && c.text().includes('Ajout de Bruno')),
        'the co-edited amendment to converge',
      )
      const amendmentText = aliceEdits.text()
      await ok(2, alice!.token, 'POST', `/amendments/${filed.id}/submit`)
      await ok(0, bureau, 'POST', `/amendments/${filed.id}/ruling`, { admissible: true })

      // Voting: opened on A, votes on A, B and C, closed and published on B, the freeze on C.
      await setPhase(2, 'voting')
      await boundedAll(signed, 16, (p, i) => ok(i % processCount, bureau, 'PUT', `${congressPath()}/attendance/${p.id}`, { present: true }))
      const created = await ok(0, bureau, 'POST', '/ballots', { congressId: cluster.seed.congressId, subject: { kind: 'amendment', id: filed.id } }, 201)
      await ok(0, bureau, 'POST', `/ballots/${created.id}/open`)
      const voting = [alice!, bruno!, ...hall]
      const receipts = await boundedAll(voting, 16, async (p, i) => {
        const choice: Choice = i % 4 === 3 ? 'no' : 'yes'
        const answer = await ok(i % processCount, p.token, 'POST', `/ballots/${created.id}/votes`, { choice, clientVoteId: `jour-${p.id}` })
        return { receipt: answer.receipt as string, choice }
      })
      await ok(1, bureau, 'POST', `/ballots/${created.id}/close`)
      const published = await ok(1, bureau, 'POST', `/ballots/${created.id}/publish`)
      expect(published.result?.cast).toBe(voting.length)
      const board = await ok(2, hall[0]!.token, 'GET', `/ballots/${created.id}/board`)
      expect(new Map(board.entries.map((e: { receipt: string; choice: Choice }) => [e.receipt, e.choice]))).toEqual(new Map(receipts.map((r) => [r.receipt, r.choice])))

      await expectAuditChainHolds('before the freeze')
      const frozen = await api(2, bureau, 'POST', `${congressPath()}/freeze`)
      expect(frozen.status, JSON.stringify(frozen.body)).toBe(200)
      const bundle = await fetch(`${server(0).baseUrl}/api${congressPath()}/bundle`, { headers: bearer(hall[1]!.token) })
      expect(bundle.status).toBe(200)
      const zip = join(cluster.dataDir, 'bundle-journee.zip')
      writeFileSync(zip, Buffer.from(await bundle.arrayBuffer()))
      const key = await cluster.plenum(['key', 'show', '--data', cluster.dataDir, '--json'])
      expect(key.code, key.stderr).toBe(0)
      const pem = join(cluster.dataDir, 'cle-publique.pem')
      writeFileSync(pem, (JSON.parse(key.stdout) as { publicKeyPem: string }).publicKeyPem)
      const verified = await cluster.plenum(['verify', zip, '--key', pem])
      expect(verified.stderr).not.toContain('FAILED')
      expect(verified.stdout).toContain('Bundle verified.')
      expect(verified.code).toBe(0)
      // The amendment as co-edited across processes is what the seal kept.
      const reader = await connectSynced(server(1).wsUrl, filed.docName, hall[2]!.token, 'Lecteur')
      expect(reader.text()).toBe(amendmentText)
      reader.destroy()
    }, 90_000)
  })
})
