import { randomUUID } from 'node:crypto'
import type { BallotView } from '../../shared/api-types.ts'
import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import { bearer } from './participants.ts'
import type { TestServer } from './test-server.ts'

export interface Answer<T = unknown> {
  readonly status: number
  readonly body: T
}

/** A JSON call to the API as `token`, answering status and parsed body (of a server in this process or a child one). */
export async function call<T = any>(plenum: Pick<TestServer, 'baseUrl'>, token: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${plenum.baseUrl}/api${path}`, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T }
}

export async function setPhase(plenum: TestServer, bureauToken: string, phase: string): Promise<void> {
  const answer = await call(plenum, bureauToken, 'POST', `/congresses/${plenum.seed.congressId}/phase`, { phase })
  if (answer.status !== 200) throw new Error(`phase ${phase}: ${answer.status} ${JSON.stringify(answer.body)}`)
}

/** The check-in desk marks these participants present, a few at a time. */
export async function checkIn(plenum: TestServer, bureauToken: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 25) {
    await Promise.all(
      ids.slice(i, i + 25).map(async (id) => {
        const answer = await call(plenum, bureauToken, 'PUT', `/congresses/${plenum.seed.congressId}/attendance/${id}`, { present: true })
        if (answer.status !== 200) throw new Error(`check-in ${id}: ${answer.status} ${JSON.stringify(answer.body)}`)
      }),
    )
  }
}

export type SubjectInput = import('../../shared/requests/ballot-requests.ts').BallotSubject

export async function createBallot(plenum: TestServer, bureauToken: string, subject: SubjectInput, rule: Partial<BallotRule> = {}): Promise<BallotView> {
  const answer = await call<BallotView>(plenum, bureauToken, 'POST', '/ballots', { congressId: plenum.seed.congressId, subject, rule })
  if (answer.status !== 201) throw new Error(`create ballot: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

export async function openedBallot(plenum: TestServer, bureauToken: string, subject: SubjectInput, rule: Partial<BallotRule> = {}): Promise<BallotView> {
  const ballot = await createBallot(plenum, bureauToken, subject, rule)
  return step(plenum, bureauToken, ballot.id, 'open')
}

export async function step(plenum: TestServer, bureauToken: string, ballotId: string, action: 'open' | 'close' | 'publish', body?: unknown): Promise<BallotView> {
  const answer = await call<BallotView>(plenum, bureauToken, 'POST', `/ballots/${ballotId}/${action}`, body)
  if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

export function vote(plenum: TestServer, token: string, ballotId: string, choice: Choice, options: { onBehalfOf?: string; clientVoteId?: string } = {}) {
  return call<{ receipt: string; error?: { code: string; message: string } }>(plenum, token, 'POST', `/ballots/${ballotId}/votes`, {
    choice,
    clientVoteId: options.clientVoteId ?? randomUUID(),
    ...(options.onBehalfOf ? { onBehalfOf: options.onBehalfOf } : {}),
  })
}

/**
 * An open ballot on the motion put straight into the database, with `voterIds` on its list (each
 * voting for themselves); any other open ballot is closed first. For tests of who may vote, not how
 * a ballot opens.
 */
export async function insertOpenBallot(plenum: TestServer, voterIds: readonly string[]): Promise<string> {
  const db = plenum.database.db
  const id = `open${randomUUID().replace(/-/g, '').slice(0, 16)}`
  await db.updateTable('ballots').set({ status: 'closed' }).where('status', '=', 'open').execute()
  await db
    .insertInto('ballots')
    .values({
      id,
      congress_id: plenum.seed.congressId,
      subject_kind: 'motion',
      subject_id: null,
      rule: JSON.stringify({ majority: 'simple', base: 'expressed', quorum: { kind: 'none' }, secrecy: 'secret', proxies: { allowed: true, maxPerHolder: 1 } }),
      status: 'open',
      created_at: Date.now(),
      opened_at: Date.now(),
      entitled_count: voterIds.length,
      present_count: voterIds.length,
      represented_count: 0,
    })
    .execute()
  if (voterIds.length > 0) await db.insertInto('ballot_voters').values(voterIds.map((v) => ({ ballot_id: id, represented_id: v, holder_id: v }))).execute()
  return id
}
