import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemo } from '../../server/services/seed-demo.ts'
import type { MotionProposalView, MotionView } from '../../shared/api-types.ts'
import { demoCongress } from '../../shared/demo/demo-congress.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { openEvents } from '../helpers/event-stream.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('the whole motion as it stands: GET /api/congresses/:id/motion (issue 19, point 7)', () => {
  let plenum: TestServer
  let bureau: string
  let delegate: Signed
  let voters: Signed[]
  const clients: TestClient[] = []
  const motionPath = () => `/congresses/${plenum.seed.congressId}/motion`
  const readMotion = async (token = bureau) => {
    const answer = await call<MotionView>(plenum, token, 'GET', motionPath())
    expect(answer.status).toBe(200)
    return answer.body
  }
  const proposalOf = (motion: MotionView, index: number): MotionProposalView => {
    const id = plenum.seed.proposals[index]!.id
    const found = motion.questions.flatMap((q) => q.proposals).find((p) => p.id === id)
    if (!found) throw new Error(`proposal ${id} is not in the motion`)
    return found
  }

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    const signed = await importAndSignIn(plenum, bureau, [
      { name: 'Déléguée Rédactrice', role: 'delegate' },
      { name: 'Anne Votante', role: 'attendee' },
      { name: 'Bruno Votant', role: 'attendee' },
    ])
    delegate = signed[0]!
    voters = signed.slice(1)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  test('every question and proposal, in order, with its text, the preamble first', async () => {
    const motion = await readMotion(delegate.token)
    expect(motion).toMatchObject({ id: plenum.seed.congressId, title: demoCongress.title, phase: 'drafting', status: 'not-voted' })
    expect(motion.preamble.paragraphs).toEqual(demoCongress.preamble)
    expect(motion.questions.map((q) => q.title)).toEqual(demoCongress.themes.map((t) => t.title))
    const proposals = motion.questions.flatMap((q) => q.proposals)
    expect(proposals.map((p) => p.number)).toEqual(plenum.seed.proposals.map((p) => p.number))
    expect(proposals).toHaveLength(29)
    const first = demoCongress.themes[0]!.proposals[0]!
    expect(proposals[0]).toMatchObject({ title: first.title, paragraphs: first.paragraphs, status: 'not-voted' })
    expect(Object.values(proposals[0]!.amendments).every((n) => n === 0)).toBe(true)
  })

  test('a text edited on the socket is read as it stands, and the event stream says a text changed', async () => {
    const stream = openEvents(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/events`, delegate.token)
    try {
      const proposal = plenum.seed.proposals[1]!
      const client = await connectSynced(plenum.wsUrl, proposal.docName, delegate.token, 'Déléguée Rédactrice')
      clients.push(client)
      const before = proposalOf(await readMotion(), 1).paragraphs[0]!
      const word = before.split(' ')[0]!
      replaceText(client.doc, word, 'Désormais')
      const edited = await waitFor(async () => {
        const paragraphs = proposalOf(await readMotion(), 1).paragraphs
        return paragraphs[0]?.startsWith('Désormais') && paragraphs
      }, 'the edit in the motion')
      expect(edited[0]).toBe(before.replace(word, 'Désormais'))
      await waitFor(() => stream.events.some((e) => e.event === 'texts'), 'a texts event')
      // Read again without a change: the same text (from the cache of unchanged texts).
      expect(proposalOf(await readMotion(), 1).paragraphs).toEqual(edited)
      client.destroy()
    } finally {
      stream.close()
    }
  })

  test('amendments are counted by status on their text, sub-amendments and other texts apart', async () => {
    const author = delegate.id
    for (const status of ['submitted', 'submitted', 'admissible', 'fallen', 'rejected', 'merged', 'withdrawn'] as const) await insertAmendment(plenum, { authorId: author, status, proposalIndex: 2 })
    await insertAmendment(plenum, { authorId: author, status: 'adopted', proposalIndex: 3 })
    const motion = await readMotion()
    expect(proposalOf(motion, 2).amendments).toEqual({ draft: 0, submitted: 2, admissible: 1, inadmissible: 0, withdrawn: 1, adopted: 0, rejected: 1, merged: 1, fallen: 1 })
    expect(proposalOf(motion, 3).amendments).toMatchObject({ adopted: 1, submitted: 0 })
    expect(proposalOf(motion, 4).amendments.submitted).toBe(0)
    expect(motion.preamble.amendments.submitted).toBe(0)
  })

  test('a proposal is under vote from its opening to its publication, then adopted or rejected', async () => {
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    const proposal = plenum.seed.proposals[5]!
    const ballot = await createBallot(plenum, bureau, { kind: 'proposal', id: proposal.id })
    expect(proposalOf(await readMotion(), 5).status).toBe('not-voted')
    await step(plenum, bureau, ballot.id, 'open')
    expect(proposalOf(await readMotion(), 5).status).toBe('under-vote')
    for (const voter of voters) expect((await vote(plenum, voter.token, ballot.id, 'yes')).status).toBe(200)
    await step(plenum, bureau, ballot.id, 'close')
    expect(proposalOf(await readMotion(), 5).status).toBe('under-vote')
    await step(plenum, bureau, ballot.id, 'publish')
    const motion = await readMotion(voters[0]!.token)
    expect(proposalOf(motion, 5).status).toBe('adopted')
    expect(proposalOf(motion, 6).status).toBe('not-voted')

    // A block: each of its proposals is under vote.
    const block = await createBallot(plenum, bureau, { kind: 'block', of: 'proposal', ids: [plenum.seed.proposals[7]!.id, plenum.seed.proposals[8]!.id] })
    await step(plenum, bureau, block.id, 'open')
    const during = await readMotion()
    expect([7, 8, 9].map((i) => proposalOf(during, i).status)).toEqual(['under-vote', 'under-vote', 'not-voted'])
    for (const voter of voters) expect((await vote(plenum, voter.token, block.id, 'no')).status).toBe(200)
    await step(plenum, bureau, block.id, 'close')
    await step(plenum, bureau, block.id, 'publish')
    const after = await readMotion()
    expect([7, 8].map((i) => proposalOf(after, i).status)).toEqual(['rejected', 'rejected'])
    expect(after.status).toBe('not-voted')
  })

  test('refused to another congress’s bureau, without a session, and for a congress that is not the reader’s', async () => {
    const outsider = (await plenum.login((await seedDemo(plenum.database.db, Date.now())).bureauCode)).token
    const foreign = await call(plenum, outsider, 'GET', motionPath())
    expect(foreign.status).toBe(403)
    expect(JSON.stringify(foreign.body)).not.toContain(demoCongress.themes[0]!.proposals[0]!.title)
    const anonymous = await fetch(`${plenum.baseUrl}/api${motionPath()}`)
    expect(anonymous.status).toBe(401)
    expect([403, 404]).toContain((await call(plenum, bureau, 'GET', '/congresses/nosuchcongress0/motion')).status)
  })
})
