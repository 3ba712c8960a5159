import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isAllowed, type Action } from '../../shared/permissions.ts'
import { apiRoutes } from '../helpers/api-routes.ts'
import { phases, type Phase } from '../../shared/phases.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { insertOpenBallot } from '../helpers/ballots.ts'
import { bearer } from '../helpers/participants.ts'
import { forcePhase, startTestServer, type TestServer } from '../helpers/test-server.ts'

/**
 * What an API client gets for bad input, on every route the server has (read from the running app,
 * so a new route cannot be left out): a 400 with `{error:{code,message}}`, never a 500, nothing written.
 */

// The routes that read a JSON body, and the writes that take none.
const bodyRoutes = Object.fromEntries(Object.entries(apiRoutes).filter(([, facts]) => facts.body).map(([key, facts]) => [key, facts.action]))
const bodilessWrites = new Set(Object.entries(apiRoutes).filter(([key, facts]) => !facts.body && !key.startsWith('GET ')).map(([key]) => key))

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

  test('every route is known to the sweeps (its action, its body), so none escapes them', () => {
    expect(routes().filter((r) => !(r.key in apiRoutes)).map((r) => r.key)).toEqual([])
    // And the table names no route the server no longer has.
    const keys = new Set(routes().map((r) => r.key))
    expect(Object.keys(apiRoutes).filter((k) => !keys.has(k))).toEqual([])
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
      await forcePhase(plenum, phase)
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
    await forcePhase(plenum, 'drafting')
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

function allowedFor(action: Action | 'session' | null | undefined, phase: Phase): boolean {
  return action === null || action === undefined || action === 'session' || isAllowed({ role: 'bureau', phase, action })
}
