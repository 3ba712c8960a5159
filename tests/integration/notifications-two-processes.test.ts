import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FiledAmendmentView } from '../../shared/api-types.ts'
import type { NotificationListView } from '../../shared/notifications/notification-kinds.ts'
import { call } from '../helpers/ballots.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startPostgresProcesses, type PostgresProcesses } from '../helpers/postgres-processes.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * A notification written by a decision taken on process A reaches the person's event stream open on
 * process B (the hub's `notified` event through Redis), and nobody else's.
 */
describe('notifications across two processes on one PostgreSQL and one Redis', () => {
  let cluster: PostgresProcesses
  let author: Signed
  let colleague: Signed
  let bystander: Signed
  const congressId = () => cluster.seed.congressId

  beforeAll(async () => {
    cluster = await startPostgresProcesses(2)
    const bureauA = await cluster.signIn(0)
    const a = { ...cluster.at(0), login: async (code?: string) => ({ token: await cluster.signIn(0, code) }), seed: cluster.seed }
    expect((await call(cluster.at(0), bureauA, 'POST', `/congresses/${congressId()}/phase`, { phase: 'amendments' })).status).toBe(200)
    const people = await importAndSignIn(a as never, bureauA, [
      { name: 'Agnès Öztürk', role: 'delegate' },
      { name: 'Léon Martin', role: 'delegate' },
      { name: 'Zoé Arnaud', role: 'delegate' },
    ])
    ;[author, colleague, bystander] = [people[0]!, people[1]!, people[2]!]
  }, 60_000)
  afterAll(async () => {
    await cluster?.close()
  })

  test('a sub-amendment filed on A tells its parent’s author on B, live, and no one else', async () => {
    const parent = (await call<FiledAmendmentView>(cluster.at(0), author.token, 'POST', `/proposals/${cluster.seed.proposals[0]!.id}/amendments`, {})).body
    expect((await call(cluster.at(0), author.token, 'POST', `/amendments/${parent.id}/submit`)).status).toBe(200)
    const onB = openEvents(`${cluster.at(1).baseUrl}/api/congresses/${congressId()}/events`, author.token)
    const otherOnB = openEvents(`${cluster.at(1).baseUrl}/api/congresses/${congressId()}/events`, bystander.token)
    const told = (events: { event: string }[]) => events.filter((e) => e.event === 'notifications').length
    try {
      await waitFor(() => told(onB.events) === 1 && told(otherOnB.events) === 1, 'both streams opened on B')
      const sub = (await call<FiledAmendmentView>(cluster.at(0), colleague.token, 'POST', `/amendments/${parent.id}/sub-amendments`, {})).body
      await waitFor(() => told(onB.events) === 2, 'B’s stream told, from A’s decision', 10_000)
      const list = (await call<NotificationListView>(cluster.at(1), author.token, 'GET', `/congresses/${congressId()}/notifications`)).body
      expect(list.items[0]).toMatchObject({ kind: 'sub_amendment', label: sub.label, parentLabel: parent.label })
      expect(list.unread).toBe(1)
      // The bystander's stream heard a phase change (it is live), never a notification of another's.
      const bureauB = await cluster.signIn(1)
      expect((await call(cluster.at(1), bureauB, 'POST', `/congresses/${congressId()}/phase`, { phase: 'voting' })).status).toBe(200)
      await waitFor(() => otherOnB.events.some((e) => e.event === 'phase' && (e.data as { phase: string }).phase === 'voting'), 'the bystander’s stream is live')
      expect(told(otherOnB.events)).toBe(1)
    } finally {
      onB.close()
      otherOnB.close()
    }
  })
})
