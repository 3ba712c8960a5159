import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isAllowed, type Action } from '../../shared/permissions.ts'
import { phases, type Phase } from '../../shared/phases.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { insertOpenBallot } from '../helpers/ballots.ts'
import { bearer } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * What an API client gets for bad input, on every route the server has (read from the running app,
 * so a new route cannot be left out): a 400 with `{error:{code,message}}`, never a 500, nothing written.
 */

// Routes that take a JSON body, with the action that allows them (null: no session needed).
const bodyRoutes: Record<string, Action | null> = {
  'POST /api/session': null,
  'PATCH /api/congresses/:id': 'structure.edit',
  'POST /api/congresses/:id/themes': 'structure.edit',
  'PATCH /api/congresses/:id/themes/:themeId': 'structure.edit',
  'POST /api/congresses/:id/proposals': 'structure.edit',
  'PATCH /api/congresses/:id/proposals/:pid': 'structure.edit',
  'POST /api/congresses/:id/phase': 'phase.change',
  'POST /api/congresses/:id/participants': 'participants.manage',
  'POST /api/congresses/:id/preamble/amendments': 'amendment.file',
  'POST /api/proposals/:pid/amendments': 'amendment.file',
  'PATCH /api/amendments/:aid': 'amendment.file',
  'POST /api/amendments/:aid/ruling': 'amendment.rule',
  'POST /api/amendments/:aid/decision': 'amendment.decide',
  'PUT /api/congresses/:id/ballot-rule': 'ballot.manage',
  'POST /api/ballots': 'ballot.manage',
  'PATCH /api/ballots/:bid': 'ballot.manage',
  'POST /api/ballots/:bid/open': 'ballot.manage',
  'POST /api/ballots/:bid/votes': 'ballot.vote',
  'PUT /api/congresses/:id/attendance/:pid': 'attendance.manage',
  'POST /api/congresses/:id/attendance': 'attendance.manage',
  'POST /api/congresses/:id/check-in': 'attendance.self',
  'POST /api/congresses/:id/proxies': 'attendance.manage',
  'PUT /api/congresses/:id/projector': 'projector.show',
  'POST /api/congresses/:id/deliveries': 'delivery.record',
}

// Writes that take no body: the action is in the path.
const bodilessWrites = new Set([
  'DELETE /api/session',
  'POST /api/congresses/:id/participants/:pid/revoke',
  'POST /api/congresses/:id/participants/:pid/reissue',
  'POST /api/amendments/:aid/submit',
  'POST /api/amendments/:aid/withdraw',
  'POST /api/amendments/:aid/cosign',
  'POST /api/amendments/:aid/cosigners/:pid/accept',
  'DELETE /api/amendments/:aid/cosigners/:pid',
  'POST /api/amendments/:aid/merge',
  'POST /api/congresses/:id/room-code',
  'DELETE /api/congresses/:id/proxies/:giverId',
  'DELETE /api/ballots/:bid',
  'POST /api/ballots/:bid/close',
  'POST /api/ballots/:bid/publish',
  'POST /api/congresses/:id/freeze',
])

// Every field name the API knows, each with a value of the wrong type.
const wrongTypes = {
  code: 7, roomCode: [], phase: 7, title: 42, place: [], startsOn: {}, themeId: 9, position: 'x', justification: 7,
  admissible: 'oui', reason: 7, outcome: 'peut-être', congressId: 7, subject: 'x', rule: 'x', durationSeconds: 'x',
  choice: 7, clientVoteId: 7, onBehalfOf: 7, present: 'oui', giverId: 7, holderId: 7, ballotId: 7,
  advisorName: 7, institution: 7, date: 7, channel: 7,
}

const badBodies: readonly { readonly label: string; readonly text: string }[] = [
  { label: 'malformed JSON', text: '{"title": "Une question",' },
  { label: 'a JSON array', text: '[1, 2, 3]' },
  { label: 'a JSON string', text: '"bonjour"' },
  { label: 'every field of the wrong type', text: JSON.stringify(wrongTypes) },
]

describe('HTTP input', () => {
  let plenum: TestServer
  let bureau: string
  let ids: Record<string, string>
  const routes = () => plenum.server.routes.map((r) => ({ ...r, key: `${r.method} ${r.path}` }))
  const fill = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? name)

  beforeAll(async () => {
    plenum = await startTestServer()
    const session = await plenum.login()
    bureau = session.token
    const db = plenum.database.db
    const theme = await db.selectFrom('themes').select('id').where('congress_id', '=', plenum.seed.congressId).executeTakeFirstOrThrow()
    const amendment = await insertAmendment(plenum, { authorId: session.participant.id, status: 'submitted' })
    ids = {
      id: plenum.seed.congressId,
      themeId: theme.id,
      pid: plenum.seed.proposals[0]!.id,
      aid: amendment.id,
      bid: await insertOpenBallot(plenum, [session.participant.id]),
      giverId: session.participant.id,
      file: 'motion.json',
    }
  })
  afterAll(() => plenum.close())

  async function writesSoFar(): Promise<number[]> {
    const db = plenum.database.db
    const tables = ['audit_log', 'participants', 'sessions', 'themes', 'proposals', 'amendments', 'ballots', 'ballot_participations', 'attendance', 'proxies', 'deliveries'] as const
    const count = async (table: (typeof tables)[number]) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    return Promise.all(tables.map(count))
  }

  test('every write route is known to take a body or not, so none escapes the checks below', () => {
    const writes = routes().filter((r) => r.method !== 'GET')
    const unclassified = writes.filter((r) => !(r.key in bodyRoutes) && !bodilessWrites.has(r.key)).map((r) => r.key)
    expect(unclassified).toEqual([])
    // And the tables name no route the server no longer has.
    const keys = new Set(writes.map((r) => r.key))
    expect([...Object.keys(bodyRoutes), ...bodilessWrites].filter((k) => !keys.has(k))).toEqual([])
  })

  test('a malformed path parameter or query is a 400 on every route, before anything else', async () => {
    const badIds = ["x'OR'1'='1", 'a'.repeat(65), '%3Cscript%3E', '..%2F..%2Fplenum.db']
    let checked = 0
    for (const route of routes().filter((r) => r.path.includes(':'))) {
      for (const bad of badIds) {
        const path = route.path.replace(/:(\w+)/, bad).replace(/:(\w+)/g, (_m, name: string) => ids[name]!)
        const response = await fetch(`${plenum.baseUrl}${path}`, { method: route.method, headers: bearer(bureau) })
        const body = (await response.json()) as { error?: { code: string; message: string } }
        expect.soft(response.status, `${route.key} with ${bad}`).toBe(400)
        expect.soft(body.error?.code).toBe('bad_request')
        expect.soft(body.error?.message).toMatch(/Paramètre « \w+ »/)
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(150)
    const query = await fetch(`${plenum.baseUrl}/api/congresses/${ids.id}/amendments?status=draft,nimporte`, { headers: bearer(bureau) })
    expect(query.status).toBe(400)
    expect(((await query.json()) as { error: { message: string } }).error.message).toContain('nimporte')
  })

  test('a bad body is a 400 naming what is wrong in every phase that allows the route, never a 500, and nothing is written', async () => {
    const before = await writesSoFar()
    for (const phase of phases) {
      await plenum.database.db.updateTable('congresses').set({ phase }).where('id', '=', ids.id!).execute()
      plenum.server.hub.phaseChanged(ids.id!, phase)
      for (const [key, action] of Object.entries(bodyRoutes)) {
        const [method, path] = key.split(' ') as [string, string]
        for (const bad of badBodies) {
          const response = await fetch(`${plenum.baseUrl}${fill(path)}`, {
            method,
            headers: { ...bearer(bureau), 'content-type': 'application/json' },
            body: bad.text,
          })
          const body = (await response.json()) as { error?: { code: string; message: string } }
          const where = `${key} in ${phase} with ${bad.label} → ${response.status} ${JSON.stringify(body)}`
          expect.soft(response.status, where).toBeLessThan(500)
          expect.soft(response.ok, where).toBe(false)
          expect.soft(typeof body.error?.message, where).toBe('string')
          if (allowedFor(action, phase)) {
            expect.soft(response.status, where).toBe(400)
            expect.soft(['bad_request', 'invalid_rows'], where).toContain(body.error?.code)
          }
        }
      }
    }
    expect(await writesSoFar()).toEqual(before)
  })

  test('a body of another type than JSON is refused, and so is one too large', async () => {
    await plenum.database.db.updateTable('congresses').set({ phase: 'drafting' }).where('id', '=', ids.id!).execute()
    plenum.server.hub.phaseChanged(ids.id!, 'drafting')
    const asForm = await fetch(`${plenum.baseUrl}/api/congresses/${ids.id}/themes`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Une+question',
    })
    expect(asForm.status).toBe(400)
    const huge = await fetch(`${plenum.baseUrl}/api/congresses/${ids.id}/themes`, {
      method: 'POST',
      headers: { ...bearer(bureau), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(300_000) }),
    })
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })
})

function allowedFor(action: Action | null, phase: Phase): boolean {
  return action === null || isAllowed({ role: 'bureau', phase, action })
}
