import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FreezeCheckView } from '../../shared/api-types.ts'
import { docText } from '../../shared/editor/doc-state.ts'
import { insertAmendment } from '../helpers/amendments.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'

describe('what is outstanding before the freeze', () => {
  let plenum: TestServer
  let bureau: string
  let anne: Signed
  let bruno: Signed

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    ;[anne, bruno] = (await importAndSignIn(plenum, bureau, [
      { name: 'Anne Autrice', role: 'delegate' },
      { name: 'Bruno Votant', role: 'attendee' },
    ])) as [Signed, Signed]
  })
  afterAll(async () => {
    await plenum?.close()
  })

  const check = (token = bureau) => call<FreezeCheckView>(plenum, token, 'GET', `/congresses/${plenum.seed.congressId}/freeze-check`)

  /** An amendment filed by Anne on the proposal at `index`, its first word changed, and submitted. */
  const submitted = async (index: number) => {
    const filed = (await call(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[index]!.id}/amendments`, {})).body
    const editor = await connectSynced(plenum.wsUrl, filed.docName, anne.token)
    replaceText(editor.doc, docText(editor.doc).split(' ')[0]!, 'Désormais')
    await roundTrip(editor)
    editor.destroy()
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.id}/submit`)).status).toBe(200)
    return filed.id as string
  }

  test('lists proposals with no outcome, amendments awaiting a ruling, a vote or a merge, ballots open or unpublished, and the phase', async () => {
    const { proposals } = plenum.seed
    await setPhase(plenum, bureau, 'amendments')
    const waiting = await submitted(0)
    const admissible = await submitted(1)
    expect((await call(plenum, bureau, 'POST', `/amendments/${admissible}/ruling`, { admissible: true })).status).toBe(200)

    const before = await check()
    expect(before.status).toBe(200)
    expect(before.body.phase).toBe('amendments')
    expect(before.body.proposalsNotVoted.map((p) => p.number)).toEqual(proposals.map((_, i) => i + 1))
    expect(before.body.proposalsNotVoted[0]).toEqual({ id: proposals[0]!.id, number: 1, title: expect.any(String) })
    expect(before.body.amendmentsPending).toEqual([
      { id: waiting, label: 'P1-A1', status: 'submitted' },
      { id: admissible, label: 'P2-A1', status: 'admissible' },
    ])
    expect(before.body.ballotsPending).toEqual([])

    // In the voting phase: the amendment adopted (not merged), proposal 3 voted and published,
    // proposal 4 voted and not published, the motion's ballot open.
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [anne.id, bruno.id])
    const voted = async (subject: { kind: 'amendment' | 'proposal' | 'motion'; id?: string }, publish: boolean) => {
      const ballot = await openedBallot(plenum, bureau, subject as never)
      for (const voter of [anne, bruno]) await vote(plenum, voter.token, ballot.id, 'yes')
      await step(plenum, bureau, ballot.id, 'close')
      if (publish) await step(plenum, bureau, ballot.id, 'publish')
      return ballot.id
    }
    await voted({ kind: 'amendment', id: admissible }, true)
    await voted({ kind: 'proposal', id: proposals[2]!.id }, true)
    const unpublished = await voted({ kind: 'proposal', id: proposals[3]!.id }, false)
    const open = await openedBallot(plenum, bureau, { kind: 'motion' })
    // Adopted and not merged: what publishing leaves when the amendment's text was put to the vote meanwhile.
    const unmerged = await insertAmendment(plenum, { authorId: anne.id, status: 'adopted', proposalIndex: 4 })

    const after = await check()
    expect(after.status).toBe(200)
    expect(after.body.phase).toBe('voting')
    const notVoted = after.body.proposalsNotVoted.map((p) => p.number)
    expect(notVoted).not.toContain(3)
    expect(notVoted).toContain(4)
    expect(notVoted).toHaveLength(proposals.length - 1)
    expect(after.body.amendmentsPending).toEqual([
      { id: waiting, label: 'P1-A1', status: 'submitted' },
      { id: unmerged.id, label: 'P5-A1', status: 'adopted' },
    ])
    // Adopted and merged at once by its publication: no longer pending.
    expect(after.body.amendmentsPending.map((a) => a.id)).not.toContain(admissible)
    expect(after.body.ballotsPending).toEqual([
      { id: unpublished, status: 'closed', subject: { kind: 'proposal', proposalNumber: 4, amendmentLabel: null } },
      { id: open.id, status: 'open', subject: { kind: 'motion', proposalNumber: null, amendmentLabel: null } },
    ])
  }, 60_000)

  test('a delegate and an attendee get 403: the read is the freeze’s, the bureau’s', async () => {
    for (const person of [anne, bruno]) {
      const answer = await call(plenum, person.token, 'GET', `/congresses/${plenum.seed.congressId}/freeze-check`)
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toEqual(expect.any(String))
    }
  })
})
