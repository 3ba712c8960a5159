import * as Y from 'yjs'
import type { BallotView, BoardView } from '../../shared/api-types.ts'
import { call } from './ballots.ts'
import { importTarget, loginChild, startChildServer, type ChildServer } from './child-server.ts'
import { importAndSignIn, type Signed } from './participants.ts'
import { connectSynced, type TestClient } from './providers.ts'

/** The crash scenarios of the hardening issue, sized by the caller: a few in npm test, the full room in npm run stress. */

/** `call`, for steps that must succeed. */
async function api<T = unknown>(server: ChildServer, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await call<T>(server, token, method, path, body)
  if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

/** `count` people of `role` imported into a child server's congress and signed in, 200 at a time. */
export async function signInPeople(server: ChildServer, bureauToken: string, congressId: string, count: number, role: 'delegate' | 'attendee'): Promise<Signed[]> {
  const child = importTarget(server, congressId)
  const signed: Signed[] = []
  for (let start = 0; start < count; start += 200) {
    const batch = Array.from({ length: Math.min(200, count - start) }, (_, i) => ({ name: `${role === 'delegate' ? 'Rédacteur' : 'Votant'} ${start + i}`, role }))
    signed.push(...(await importAndSignIn(child, bureauToken, batch)))
  }
  return signed
}

/** What a client has received from others: its state vector without its own client id. */
function receivedVector(client: TestClient): Map<number, number> {
  const vector = Y.decodeStateVector(Y.encodeStateVector(client.doc))
  vector.delete(client.doc.clientID)
  return vector
}

export interface EditCrashResult {
  readonly edits: number
  /** Items that some watcher had received before the kill and the restarted server does not hold. */
  readonly lost: number
}

/**
 * `writers` delegates type into `docs` texts as fast as their sockets go, watchers (one per text)
 * only listen; the server is killed with SIGKILL mid-storm and restarted on the same folder. Every
 * item a watcher had received must be in the text the restarted server serves.
 */
export async function editingCrash(dataDir: string, size: { writers: number; docs: number; killAfterMs: number }): Promise<EditCrashResult> {
  let server = await startChildServer(dataDir)
  const bureau = await loginChild(server)
  const docs = bureau.congress.proposals.slice(0, size.docs).map((p) => p.docName)
  const writers = await signInPeople(server, bureau.token, bureau.congress.id, size.writers, 'delegate')
  const clients: TestClient[] = []
  try {
    const typists = await Promise.all(writers.map((w, i) => connectSynced(server.wsUrl, docs[i % docs.length]!, w.token, w.name)))
    const watchers = await Promise.all(docs.map((doc) => connectSynced(server.wsUrl, doc, bureau.token, 'Témoin')))
    clients.push(...typists, ...watchers)
    let edits = 0
    const typing = setInterval(() => {
      for (const [i, typist] of typists.entries()) typist.appendParagraph(`Ligne ${++edits} de ${i}.`)
    }, 10)
    await new Promise((resolve) => setTimeout(resolve, size.killAfterMs))
    await server.stop('SIGKILL')
    clearInterval(typing)
    const seen = watchers.map(receivedVector)
    for (const client of clients) client.destroy()
    clients.length = 0

    server = await startChildServer(dataDir)
    let lost = 0
    for (const [i, doc] of docs.entries()) {
      const reader = await connectSynced(server.wsUrl, doc, bureau.token, 'Relecteur')
      clients.push(reader)
      const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc))
      for (const [client, clock] of seen[i]!) lost += Math.max(0, clock - (stored.get(client) ?? 0))
    }
    return { edits, lost }
  } finally {
    for (const client of clients) client.destroy()
    await server.stop('SIGTERM')
  }
}

export interface VoteCrashResult {
  readonly voters: number
  /** Votes answered with a receipt before the kill. */
  readonly receiptsBeforeKill: number
  /** Receipts (before the kill, or on a retry after it) missing from the board. */
  readonly lost: number
  /** Board entries beyond one per voter. */
  readonly doubled: number
  /** Retries after the restart that got a receipt different from the one they got before. */
  readonly changed: number
}

/**
 * Every voter casts at once; the server is killed with SIGKILL once `killAfter` answers have come
 * back, and restarted. Every voter then retries with the same clientVoteId, as the phone does:
 * one entry per voter on the board, and every receipt anyone was given is on it.
 */
export async function voteCrash(dataDir: string, size: { voters: number; killAfter: number }): Promise<VoteCrashResult> {
  let server = await startChildServer(dataDir)
  try {
    const bureau = await loginChild(server)
    const congressId = bureau.congress.id
    const voters = await signInPeople(server, bureau.token, congressId, size.voters, 'attendee')
    if (bureau.congress.phase !== 'voting') await api(server, bureau.token, 'POST', `/congresses/${congressId}/phase`, { phase: 'voting' })
    for (let i = 0; i < voters.length; i += 50) {
      await Promise.all(voters.slice(i, i + 50).map((v) => api(server, bureau.token, 'PUT', `/congresses/${congressId}/attendance/${v.id}`, { present: true })))
    }
    const ballot = await api<BallotView>(server, bureau.token, 'POST', '/ballots', { congressId, subject: { kind: 'motion' } })
    await api(server, bureau.token, 'POST', `/ballots/${ballot.id}/open`)

    const vote = (base: string, voter: Signed, i: number) =>
      fetch(`${base}/api/ballots/${ballot.id}/votes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${voter.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ choice: i % 3 === 0 ? 'no' : 'yes', clientVoteId: `crash-vote-${i}-${voter.id}` }),
      })
        .then(async (r) => (r.ok ? ((await r.json()) as { receipt: string }).receipt : undefined))
        .catch(() => undefined)
    const before = new Map<number, string>()
    let answered = 0
    const killed = new Promise<void>((resolve) => {
      const base = server.baseUrl
      for (const [i, voter] of voters.entries()) {
        void vote(base, voter, i).then((receipt) => {
          if (receipt) before.set(i, receipt)
          if (++answered === size.killAfter) resolve()
        })
      }
    })
    await killed
    await server.stop('SIGKILL')
    const receiptsBeforeKill = before.size

    server = await startChildServer(dataDir)
    const after = await Promise.all(voters.map((voter, i) => vote(server.baseUrl, voter, i)))
    await api(server, bureau.token, 'POST', `/ballots/${ballot.id}/close`)
    const board = await api<BoardView>(server, bureau.token, 'GET', `/ballots/${ballot.id}/board`)
    const onBoard = new Set(board.entries.map((e) => e.receipt))
    const given = new Set([...before.values(), ...after.filter((r): r is string => r !== undefined)])
    return {
      voters: voters.length,
      receiptsBeforeKill,
      lost: [...given].filter((r) => !onBoard.has(r)).length + after.filter((r) => r === undefined).length,
      doubled: Math.max(0, board.entries.length - voters.length),
      changed: [...before].filter(([i, receipt]) => after[i] !== receipt).length,
    }
  } finally {
    await server.stop('SIGTERM')
  }
}
