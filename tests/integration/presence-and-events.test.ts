import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PresenceView } from '../../shared/api-types.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { bearer, participantPerRole } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('presence and the congress event stream', () => {
  let plenum: TestServer
  let bureau: string
  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
  })
  afterAll(() => plenum.close())

  test('who is online in the congress and on each proposal, live; a phase change and a revocation reach the stream', async () => {
    const { delegate, attendee } = await participantPerRole(plenum, bureau, ['delegate', 'attendee'])
    const base = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}`
    const stream = openEvents(`${base}/events`, attendee!.token)
    const latestPresence = () => [...stream.events].reverse().find((e) => e.event === 'presence')?.data as PresenceView | undefined
    await waitFor(() => stream.events.some((e) => e.event === 'phase'), 'the current phase')
    expect(stream.events[0]).toEqual({ event: 'phase', data: { phase: 'drafting' } })
    await waitFor(() => latestPresence()?.online.some((p) => p.id === attendee!.id), 'the attendee online')

    const docName = plenum.seed.proposals[11]!.docName
    const client = await connectSynced(plenum.wsUrl, docName, delegate!.token, 'delegate')
    await waitFor(() => latestPresence()?.docs[docName]?.includes(delegate!.id), 'the delegate on proposal 12')
    const presence = (await (await fetch(`${base}/presence`, { headers: bearer(bureau) })).json()) as PresenceView
    expect(presence.docs[docName]).toEqual([delegate!.id])
    expect(presence.online.map((p) => p.name).sort()).toEqual(['Test attendee', 'Test delegate'])

    client.destroy()
    await waitFor(() => latestPresence() && !latestPresence()!.docs[docName], 'the delegate gone from proposal 12')

    await fetch(`${base}/phase`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/json' }, body: JSON.stringify({ phase: 'amendments' }) })
    await waitFor(() => stream.events.some((e) => e.event === 'phase' && (e.data as { phase: string }).phase === 'amendments'), 'the phase change')

    await fetch(`${base}/participants/${attendee!.id}/revoke`, { method: 'POST', headers: bearer(bureau) })
    expect(await stream.done).toBe('ended')
    stream.close()
  })
})
