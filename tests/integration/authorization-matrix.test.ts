import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isAllowed, type Action } from '../../shared/permissions.ts'
import { phases, type Phase } from '../../shared/phases.ts'
import { roles, type Role } from '../../shared/roles.ts'
import { CloseCode } from '../../shared/sync/close-codes.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { bearer, participantPerRole, type Signed } from '../helpers/participants.ts'
import { connectClient, connectSynced, nextClose } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { apiRoutes, routeRequest, type RouteIds } from '../helpers/api-routes.ts'
import { insertOpenBallot } from '../helpers/ballots.ts'
import { readBallotBox } from '../../db/ballot-board.ts'
import { decodeBallotRule } from '../../db/json-columns.ts'
import { boardChainHead } from '../../shared/ballots/receipt.ts'
import { tally } from '../../shared/ballots/tally.ts'
import { forcePhase, startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'
import { takeVersion } from '../helpers/text-versions.ts'

/** Every role × phase × action of the permissions table, through the real HTTP server and socket. */
describe('authorization matrix', () => {
  let plenum: TestServer
  let people: Record<Role, Signed>
  let outsider: string
  let congressId: string
  let seedBureauId: string

  beforeAll(async () => {
    plenum = await startTestServer()
    congressId = plenum.seed.congressId
    const bureau = await plenum.login()
    seedBureauId = bureau.participant.id
    people = await participantPerRole(plenum, bureau.token, roles)
    // A participant of another congress on the same server.
    const { seedDemo } = await import('../../server/services/seed-demo.ts')
    const other = await seedDemo(plenum.database.db, Date.now())
    outsider = (await plenum.login(other.bureauCode)).token
  })
  afterAll(() => plenum.close())

  const setPhase = (phase: Phase) => forcePhase(plenum, phase)

  const httpActions: Record<Exclude<Action, 'doc.read' | 'doc.write'>, (token: string, phase: Phase) => Promise<Response>> = {
    'structure.edit': (token) =>
      fetch(`${plenum.baseUrl}/api/congresses/${congressId}`, {
        method: 'PATCH',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify({ place: 'Nantes' }),
      }),
    'congress.read': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}`, { headers: bearer(token) }),
    'participants.manage': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}/participants`, { headers: bearer(token) }),
    'audit.read': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}/audit`, { headers: bearer(token) }),
    // The ballots 'ballot.vote' opened are closed first: no phase changes while a ballot is open (voted-texts.test.ts).
    'phase.change': async (token, phase) => {
      await plenum.database.db.updateTable('ballots').set({ status: 'closed' }).where('status', '=', 'open').execute()
      return fetch(`${plenum.baseUrl}/api/congresses/${congressId}/phase`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify({ phase: phase === 'drafting' ? 'amendments' : 'drafting' }),
      })
    },
    // Each amendment step on a fresh amendment in the status the step needs, so only role and phase vary.
    'amendment.file': (token) => post(`/api/proposals/${plenum.seed.proposals[1]!.id}/amendments`, token, { justification: 'Pour essayer.' }),
    'amendment.cosign': async (token) => post(`/api/amendments/${(await insertAmendment(plenum, { authorId: seedBureauId, status: 'draft' })).id}/cosign`, token),
    'amendment.withdraw': async (token) => post(`/api/amendments/${(await insertAmendment(plenum, { authorId: authorOf(token), status: 'submitted' })).id}/withdraw`, token),
    'amendment.rule': async (token) => post(`/api/amendments/${(await insertAmendment(plenum, { authorId: seedBureauId, status: 'submitted' })).id}/ruling`, token, { admissible: true }),
    'amendment.opinion': async (token) =>
      post(`/api/amendments/${(await insertAmendment(plenum, { authorId: seedBureauId, status: 'admissible' })).id}/opinion`, token, { opinion: 'wisdom' }),
    'floor.run': (token) => post(`/api/congresses/${congressId}/floor/debate`, token, { docName: plenum.seed.proposals[0]!.docName }),
    'floor.ask': async (token) => {
      // A debate to ask on, and no earlier request of this person still waiting.
      await plenum.database.db.deleteFrom('floor_requests').execute()
      await plenum.database.db
        .insertInto('floor_settings')
        .values({ congress_id: congressId, debate_doc: plenum.seed.proposals[0]!.docName, speaking_seconds: 180, alternate: 1, first_timers: 1 })
        .onConflict((oc) => oc.column('congress_id').doNothing())
        .execute()
      return post(`/api/congresses/${congressId}/floor/requests`, token, { stance: 'for' })
    },
    'floor.order': (token) => post(`/api/proposals/${plenum.seed.proposals[0]!.id}/vote-order`, token, { order: [] }),
    'amendment.decide': async (token) =>
      post(`/api/amendments/${(await insertAmendment(plenum, { authorId: seedBureauId, status: 'admissible' })).id}/decision`, token, { outcome: 'rejected' }),
    'ballot.manage': (token) => post('/api/ballots', token, { congressId, subject: { kind: 'motion' } }),
    // Each voter on the list of a fresh open ballot, so only role and phase decide.
    'ballot.vote': async (token) =>
      post(`/api/ballots/${await insertOpenBallot(plenum, Object.values(people).map((p) => p.id))}/votes`, token, { choice: 'yes', clientVoteId: `matrix-${Math.random().toString(36).slice(2)}-vote` }),
    'attendance.manage': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}/attendance`, { headers: bearer(token) }),
    'attendance.self': async (token) => {
      await plenum.database.db.updateTable('congresses').set({ room_code: '424242' }).where('id', '=', congressId).execute()
      return post(`/api/congresses/${congressId}/check-in`, token, { roomCode: '424242' })
    },
    'projector.show': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}/projector`, { headers: bearer(token) }),
    // A real freeze each time it is allowed, on a slate cleared of the previous one's seal; the
    // last one (in voting) stays, so the sealed phases have a bundle to read.
    'congress.freeze': async (token, phase) => {
      const role = (Object.entries(people).find(([, p]) => p.token === token)?.[0] ?? 'attendee') as Role
      if (!isAllowed({ role, phase, action: 'congress.freeze' })) return post(`/api/congresses/${congressId}/freeze`, token)
      await plenum.database.db.deleteFrom('frozen_documents').where('congress_id', '=', congressId).execute()
      await plenum.database.db.deleteFrom('seals').where('congress_id', '=', congressId).execute()
      await plenum.database.db.updateTable('ballots').set({ status: 'closed' }).where('status', '=', 'open').execute()
      await countHandClosedBallots(plenum)
      return post(`/api/congresses/${congressId}/freeze`, token)
    },
    'delivery.record': (token) => post(`/api/congresses/${congressId}/deliveries`, token, { advisorName: 'Conseillère test', institution: 'Matignon', date: '2026-12-04', channel: 'courriel' }),
    'seal.read': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}/bundle/VERIFY.txt`, { headers: bearer(token) }),
    'activity.own': (token) => fetch(`${plenum.baseUrl}/api/congresses/${congressId}/me/activity`, { headers: bearer(token) }),
    // A version of a proposal taken for the case (the text's history): restoring it is the bureau's while the text is written.
    'text.restore': async (token) => {
      const version = await takeVersion(plenum.database.db, plenum.log, { docName: plenum.seed.proposals[7]!.docName, event: 'pause', now: Date.now(), always: true })
      return post(`/api/congresses/${congressId}/versions/${version!.id}/restore`, token)
    },
  }

  function post(path: string, token: string, body: unknown = {}): Promise<Response> {
    return fetch(`${plenum.baseUrl}${path}`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) })
  }

  /** Bytes stored for a document, its state and its log together. */
  async function storedBytes(docName: string): Promise<number> {
    const size = await plenum.log.size(docName)
    return size.logBytes + size.stateBytes
  }

  /** The caller acts as the author: withdrawing is the author's step. */
  function authorOf(token: string): string {
    return Object.values(people).find((p) => p.token === token)?.id ?? seedBureauId
  }

  for (const phase of phases) {
    test(`HTTP in ${phase}: only what the table allows succeeds`, async () => {
      for (const [action, call] of Object.entries(httpActions) as [keyof typeof httpActions, (typeof httpActions)[keyof typeof httpActions]][]) {
        for (const role of roles) {
          await setPhase(phase)
          const response = await call(people[role].token, phase)
          const allowed = isAllowed({ role, phase, action })
          expect.soft(response.ok, `${role} ${action} in ${phase} → ${response.status}`).toBe(allowed)
          if (!allowed) {
            expect.soft([403, 409], `${role} ${action} in ${phase}`).toContain(response.status)
            const body = (await response.json()) as { error: { code: string } }
            expect.soft(['forbidden', 'phase_forbids']).toContain(body.error.code)
          }
        }
        await setPhase(phase)
        const foreign = await call(outsider, phase)
        expect.soft(foreign.status, `another congress's bureau: ${action}`).toBe(403)
      }
    })

    test(`socket in ${phase}: a writer's update reaches the others, a read-only one's goes nowhere`, async () => {
      await setPhase(phase)
      for (const kind of ['preamble', 'proposal'] as const) {
        const docName = kind === 'preamble' ? `${congressId}/preamble/main` : plenum.seed.proposals[4]!.docName
        for (const role of roles) {
          if (!isAllowed({ role, phase, action: 'doc.read', kind })) {
            const refused = connectClient(plenum.wsUrl, docName, people[role].token)
            expect.soft(await nextClose(refused.provider), `${role} reads ${kind} in ${phase}`).toBe(CloseCode.Forbidden)
            refused.destroy()
            continue
          }
          const writer = await connectSynced(plenum.wsUrl, docName, people[role].token, role)
          const watcher = await connectSynced(plenum.wsUrl, docName, people.bureau.token, 'watcher')
          const before = await storedBytes(docName)
          const line = `${role} écrit en ${phase} (${kind}) ${Math.random()}`
          writer.appendParagraph(line)
          await roundTrip(writer)
          const serverText = docText(plenum.server.sync.rooms.get(docName)!.doc)
          const stored = (await plenum.log.load(docName))!
          const { stateText } = await import('../../shared/editor/doc-state.ts')
          if (isAllowed({ role, phase, action: 'doc.write', kind })) {
            await waitFor(() => watcher.text().includes(line), `${role}'s line reaches the watcher`)
            expect.soft(stateText(stored.state, stored.updates)).toContain(line)
          } else {
            await roundTrip(watcher)
            expect.soft(serverText, `${role} must not write ${kind} in ${phase}`).not.toContain(line)
            expect.soft(watcher.text()).not.toContain(line)
            expect.soft(await storedBytes(docName)).toBe(before)
          }
          writer.destroy()
          watcher.destroy()
        }
      }
      const foreign = connectClient(plenum.wsUrl, plenum.seed.proposals[0]!.docName, outsider)
      expect(await nextClose(foreign.provider)).toBe(CloseCode.Forbidden)
      foreign.destroy()
    })
  }

  test('a phase change turns open editors read-only at once, and back', async () => {
    await setPhase('drafting')
    const docName = plenum.seed.proposals[8]!.docName
    const writer = await connectSynced(plenum.wsUrl, docName, people.delegate.token, 'delegate')
    const denied: string[] = []
    writer.provider.messageHandlers[2] = (_e, decoder) => {
      decoding.readVarUint(decoder)
      denied.push(decoding.readVarString(decoder))
    }
    const response = await httpActions['phase.change'](people.bureau.token, 'drafting')
    expect(response.status).toBe(200)
    await waitFor(() => denied.includes('read-only:phase:amendments'), 'the read-only notice')
    writer.appendParagraph('Trop tard.')
    await roundTrip(writer)
    expect(docText(plenum.server.sync.rooms.get(docName)!.doc)).not.toContain('Trop tard.')
    await httpActions['phase.change'](people.bureau.token, 'amendments')
    await waitFor(() => denied.includes('writable'), 'the writable notice')
    writer.destroy()
  })
})


/**
 * Every route of the running app, with a valid body, by every role in every phase where the table
 * refuses its action, by another congress's bureau, and without a session: none of it succeeds.
 */
describe('authorization of every route', () => {
  let plenum: TestServer
  let people: Record<Role, Signed>
  let outsider: string
  let ids: RouteIds

  beforeAll(async () => {
    plenum = await startTestServer()
    const bureau = await plenum.login()
    people = await participantPerRole(plenum, bureau.token, roles)
    const { seedDemo } = await import('../../server/services/seed-demo.ts')
    outsider = (await plenum.login((await seedDemo(plenum.database.db, Date.now())).bureauCode)).token
    const theme = await plenum.database.db.selectFrom('themes').select('id').where('congress_id', '=', plenum.seed.congressId).executeTakeFirstOrThrow()
    ids = {
      id: plenum.seed.congressId,
      themeId: theme.id,
      pid: people.delegate.id,
      aid: (await insertAmendment(plenum, { authorId: people.delegate.id, status: 'submitted' })).id,
      bid: await insertOpenBallot(plenum, Object.values(people).map((p) => p.id)),
      rid: 'rNoSuchRequest00',
      giverId: people.attendee.id,
      holderId: people.delegate.id,
      file: 'motion.json',
      participantCode: people.attendee.code,
    }
  })
  afterAll(() => plenum.close())

  /** The status of one call; an event stream that wrongly opened is closed at once. */
  async function attempt(key: string, token?: string): Promise<number> {
    const response = await routeRequest(plenum.baseUrl, key, { ...ids, pid: key.includes('/proposals/') ? plenum.seed.proposals[2]!.id : ids.pid }, token)
    await response.body?.cancel()
    return response.status
  }

  test('without a session, every route but the public ones answers 401', async () => {
    const keys = plenum.server.routes.map((r) => `${r.method} ${r.path}`)
    expect(keys.filter((k) => !(k in apiRoutes))).toEqual([])
    for (const key of keys) {
      if (apiRoutes[key]!.action === null) continue
      expect.soft(await attempt(key), key).toBe(401)
    }
  })

  for (const phase of phases) {
    test(`in ${phase}: a role the table refuses, and another congress's bureau, succeed on no route`, async () => {
      await forcePhase(plenum, phase)
      let refused = 0
      for (const { method, path } of plenum.server.routes) {
        const key = `${method} ${path}`
        const { action } = apiRoutes[key]!
        if (action === null || action === 'session') continue
        for (const role of roles) {
          if (isAllowed({ role, phase, action })) continue
          const status = await attempt(key, people[role].token)
          expect.soft(status, `${role} ${key} in ${phase}`).toBeGreaterThanOrEqual(400)
          expect.soft([400, 403, 404, 409], `${role} ${key} in ${phase} → ${status}`).toContain(status)
          refused += 1
        }
        const foreign = await attempt(key, outsider)
        expect.soft([403, 404], `another congress's bureau: ${key} in ${phase} → ${foreign}`).toContain(foreign)
        refused += 1
      }
      expect(refused).toBeGreaterThan(100)
    })
  }
})

/**
 * The ballots this file opens and closes by hand (insertOpenBallot) get the count a real close
 * keeps: the seal refuses a counted ballot without its tally.
 */
async function countHandClosedBallots(plenum: TestServer): Promise<void> {
  const db = plenum.database.db
  const rows = await db.selectFrom('ballots').selectAll().where('status', '=', 'closed').where('result', 'is', null).execute()
  for (const row of rows) {
    const box = await readBallotBox(db, row.id)
    const electorate = { entitled: row.entitled_count ?? 0, present: row.present_count ?? 0, represented: row.represented_count ?? 0 }
    const result = tally(decodeBallotRule(row.rule), electorate, box.map((b) => b.choice))
    await db.updateTable('ballots').set({ result: JSON.stringify(result), chain_head: boardChainHead(box) }).where('id', '=', row.id).execute()
  }
}
