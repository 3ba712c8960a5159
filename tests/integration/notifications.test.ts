import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AuditEntryView, FiledAmendmentView } from '../../shared/api-types.ts'
import type { CosignInvitationsView } from '../../shared/notifications/cosign-invitations.ts'
import type { NotificationListView } from '../../shared/notifications/notification-kinds.ts'
import { call, checkIn, openedBallot, setPhase } from '../helpers/ballots.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { refuseWrites } from '../helpers/refuse-inserts.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { waitFor } from '../helpers/wait-for.ts'

/**
 * Notifications in the app: written with the decision that causes them (from its log entry), to the
 * people it concerns and never to the actor, announced on their own event stream only, read per
 * person, and there when they come back; and the author's invitations to co-sign.
 */
describe('notifications and invitations to co-sign', () => {
  let plenum: TestServer
  let bureau: string
  let author: Signed
  let colleague: Signed
  let invitee: Signed
  let parent: FiledAmendmentView
  const congressId = () => plenum.seed.congressId
  const mine = async (who: Signed | string) => (await call<NotificationListView>(plenum, typeof who === 'string' ? who : who.token, 'GET', `/congresses/${congressId()}/notifications`)).body
  const eventsUrl = () => `${plenum.baseUrl}/api/congresses/${congressId()}/events`
  const told = (events: { event: string }[]) => events.filter((e) => e.event === 'notifications').length

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    const people = await importAndSignIn(plenum, bureau, [
      { name: 'Agnès Öztürk', role: 'delegate' },
      { name: 'Léon Martin', role: 'delegate' },
      { name: 'Élodie Bézier', role: 'delegate' },
    ])
    ;[author, colleague, invitee] = [people[0]!, people[1]!, people[2]!]
    parent = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${plenum.seed.proposals[0]!.id}/amendments`, { justification: 'Plus clair.' })).body
    expect((await call(plenum, author.token, 'POST', `/amendments/${parent.id}/submit`)).status).toBe(200)
  })
  afterAll(async () => {
    await plenum?.close()
  })

  test('a sub-amendment filed on my amendment tells me, live on my own stream only, and not its author', async () => {
    const authorStream = openEvents(eventsUrl(), author.token)
    const inviteeStream = openEvents(eventsUrl(), invitee.token)
    try {
      // Each stream says "notifications" once when it opens: a page that comes back reads them again.
      await waitFor(() => told(authorStream.events) === 1 && told(inviteeStream.events) === 1, 'both streams opened')
      const sub = await call<FiledAmendmentView>(plenum, colleague.token, 'POST', `/amendments/${parent.id}/sub-amendments`, { justification: 'Précision.' })
      expect(sub.status).toBe(201)
      await waitFor(() => told(authorStream.events) === 2, 'the author is told live')
      const list = await mine(author)
      expect(list.unread).toBe(1)
      expect(list.items[0]).toMatchObject({ kind: 'sub_amendment', actorName: 'Léon Martin', label: sub.body.label, parentLabel: parent.label, amendmentId: sub.body.id, read: false })
      expect((await mine(colleague)).items).toEqual([])
      // Someone it does not concern hears nothing (the ballot below proves their stream is live).
      expect(told(inviteeStream.events)).toBe(1)
    } finally {
      authorStream.close()
      inviteeStream.close()
    }
  })

  test('the author invites a delegate, who is told and accepts from there: a co-signer at once, the author told, both logged', async () => {
    const candidates = (await call<CosignInvitationsView>(plenum, author.token, 'GET', `/amendments/${parent.id}/cosign-invitations`)).body.candidates
    expect(candidates.map((c) => c.name)).toEqual(['Élodie Bézier', 'Léon Martin'])
    // Nobody else sees whom they may invite.
    expect((await call<CosignInvitationsView>(plenum, colleague.token, 'GET', `/amendments/${parent.id}/cosign-invitations`)).body.candidates).toEqual([])

    expect((await call(plenum, colleague.token, 'POST', `/amendments/${parent.id}/cosign-invitations`, { participantId: invitee.id })).body.error.code).toBe('not_an_author')
    const bureauId = (await call<{ participant: { id: string } }>(plenum, bureau, 'GET', '/session')).body.participant.id
    const notDelegate = await call(plenum, author.token, 'POST', `/amendments/${parent.id}/cosign-invitations`, { participantId: bureauId })
    expect([notDelegate.status, notDelegate.body.error.code, notDelegate.body.error.reason]).toEqual([409, 'cosign_invitee_invalid', 'not_a_delegate'])
    expect((await call(plenum, invitee.token, 'POST', `/amendments/${parent.id}/cosign-invitations/accept`)).status).toBe(404)

    expect((await call(plenum, author.token, 'POST', `/amendments/${parent.id}/cosign-invitations`, { participantId: invitee.id })).status).toBe(200)
    const again = await call(plenum, author.token, 'POST', `/amendments/${parent.id}/cosign-invitations`, { participantId: invitee.id })
    expect([again.status, again.body.error.reason]).toEqual([409, 'already_signs'])

    const invited = await mine(invitee)
    expect(invited.items[0]).toMatchObject({ kind: 'cosign_invited', actorName: 'Agnès Öztürk', label: parent.label, amendmentId: parent.id })
    expect((await call<CosignInvitationsView>(plenum, invitee.token, 'GET', `/amendments/${parent.id}/cosign-invitations`)).body).toMatchObject({ invitedMe: true, invited: [{ id: invitee.id, name: 'Élodie Bézier' }] })

    expect((await call(plenum, invitee.token, 'POST', `/amendments/${parent.id}/cosign-invitations/accept`)).status).toBe(200)
    const detail = (await call<{ cosigners: { id: string; accepted: boolean }[] }>(plenum, author.token, 'GET', `/amendments/${parent.id}`)).body
    expect(detail.cosigners).toContainEqual(expect.objectContaining({ id: invitee.id, accepted: true }))
    expect((await call<CosignInvitationsView>(plenum, invitee.token, 'GET', `/amendments/${parent.id}/cosign-invitations`)).body).toMatchObject({ invitedMe: false, invited: [] })
    expect((await mine(author)).items[0]).toMatchObject({ kind: 'invitation_accepted', actorName: 'Élodie Bézier', label: parent.label })

    const entries = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${congressId()}/audit`)).body.entries
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['amendment.cosign_invited', 'amendment.cosign_invitation_accepted']))
  })

  test('a ruling tells the author and the accepted co-signers; a delegate asking to co-sign tells the author; accepting tells them', async () => {
    expect((await call(plenum, bureau, 'POST', `/amendments/${parent.id}/ruling`, { admissible: true, reason: 'Conforme.' })).status).toBe(200)
    for (const who of [author, invitee]) expect((await mine(who)).items[0]).toMatchObject({ kind: 'ruled_admissible', label: parent.label, amendmentId: parent.id })
    // A co-signature asked and accepted, on another amendment still in its author's hands.
    const other = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, {})).body
    expect((await call(plenum, colleague.token, 'POST', `/amendments/${other.id}/cosign`)).status).toBe(200)
    expect((await mine(author)).items[0]).toMatchObject({ kind: 'cosign_asked', actorName: 'Léon Martin', label: other.label })
    expect((await call(plenum, author.token, 'POST', `/amendments/${other.id}/cosigners/${colleague.id}/accept`)).status).toBe(200)
    expect((await mine(colleague)).items[0]).toMatchObject({ kind: 'cosign_accepted', actorName: 'Agnès Öztürk', label: other.label })
  })

  test('read state is per person and only moves forward; the count says what is unread', async () => {
    const before = await mine(author)
    expect(before.unread).toBe(before.items.length)
    const latest = before.items[0]!.id
    const read = await call<NotificationListView>(plenum, author.token, 'POST', `/congresses/${congressId()}/notifications/read`, { upTo: latest })
    expect(read.status).toBe(200)
    expect(read.body.unread).toBe(0)
    expect(read.body.items.every((n) => n.read)).toBe(true)
    // A device that read less, later, takes nothing back.
    expect((await call<NotificationListView>(plenum, author.token, 'POST', `/congresses/${congressId()}/notifications/read`, { upTo: 1 })).body.unread).toBe(0)
    expect((await mine(invitee)).unread).toBeGreaterThan(0)
    expect((await call(plenum, author.token, 'POST', `/congresses/${congressId()}/notifications/read`, { upTo: -1 })).status).toBe(400)
  })

  test('a decision whose notification cannot be written is not taken: one transaction', async () => {
    const before = (await mine(author)).items.length
    const count = async () => (await plenum.database.db.selectFrom('amendments').select('id').where('parent_id', '=', parent.id).execute()).length
    const subs = await count()
    const restore = await refuseWrites(plenum, { table: 'notifications' })
    try {
      const refused = await call(plenum, colleague.token, 'POST', `/amendments/${parent.id}/sub-amendments`, {})
      expect(refused.status).toBe(500)
    } finally {
      await restore()
    }
    expect(await count()).toBe(subs)
    expect((await mine(author)).items.length).toBe(before)
  })

  test('the bureau’s rewording of my amendment tells me alone; a changed ruling tells its signers again', async () => {
    const rewording = await call<FiledAmendmentView>(plenum, bureau, 'POST', `/amendments/${parent.id}/rewordings`, { justification: 'Mieux dit.' })
    expect(rewording.status).toBe(201)
    expect((await mine(author)).items[0]).toMatchObject({ kind: 'rewording', label: rewording.body.label, parentLabel: parent.label, amendmentId: rewording.body.id })
    // A rewording is put to the author, not to the co-signers.
    expect((await mine(invitee)).items[0]!.kind).not.toBe('rewording')
    const changed = await call(plenum, bureau, 'POST', `/amendments/${parent.id}/ruling-change`, { admissible: false, reason: 'Hors sujet, après relecture.' })
    expect(changed.status).toBe(200)
    for (const who of [author, invitee]) expect((await mine(who)).items[0]).toMatchObject({ kind: 'ruled_inadmissible', label: parent.label })
  })

  test('a ballot opening tells whoever votes in it (present, or holding a proxy), not the bureau who opened it; offline, it is there on return', async () => {
    await checkIn(plenum, bureau, [colleague.id, invitee.id])
    await setPhase(plenum, bureau, 'voting')
    // The colleague is offline: their stream is closed while the ballot opens.
    const before = (await mine(colleague)).items.length
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id })
    const back = openEvents(eventsUrl(), colleague.token)
    try {
      await waitFor(() => told(back.events) === 1, 'the stream says "notifications" as it opens')
      const list = await mine(colleague)
      expect(list.items.length).toBe(before + 1)
      expect(list.items[0]).toMatchObject({ kind: 'ballot_opened', ballotId: ballot.id })
      expect(list.items[0]!.label).not.toBe('')
      // The subject itself, for the page to say in its language.
      expect(list.items[0]!.subject).toMatchObject({ kind: 'proposal', proposalNumber: 3 })
    } finally {
      back.close()
    }
    expect((await mine(invitee)).items[0]).toMatchObject({ kind: 'ballot_opened', ballotId: ballot.id })
    // The author was not checked in: no right in this ballot, no notification of it.
    expect((await mine(author)).items.some((n) => n.kind === 'ballot_opened')).toBe(false)
    expect((await mine(bureau)).items.some((n) => n.kind === 'ballot_opened')).toBe(false)
  })
})
