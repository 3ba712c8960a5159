import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentView, AuditEntryView, FiledAmendmentView } from '../../shared/api-types.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

describe('the bureau’s opinion on an amendment (avis)', () => {
  let plenum: TestServer
  let bureau: string
  let delegate: Signed
  let attendee: Signed
  let filed: FiledAmendmentView[]
  const byLabel = (label: string) => filed.find((f) => f.label === label)!
  const opinionOf = async (label: string) =>
    (await call<{ amendments: AmendmentView[] }>(plenum, attendee.token, 'GET', `/proposals/${plenum.seed.proposals[competingProposalIndex]!.id}/amendments`)).body.amendments.find((a) => a.label === label)!.opinion
  const give = (token: string, label: string, body: unknown) => call(plenum, token, 'POST', `/amendments/${byLabel(label).id}/opinion`, body)

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    ;[delegate, attendee] = (await importAndSignIn(plenum, bureau, [
      { name: 'Denis Délégué', role: 'delegate' },
      { name: 'Anne Assistante', role: 'attendee' },
    ])) as [Signed, Signed]
    await setPhase(plenum, bureau, 'amendments')
    filed = await fileCompetingAmendments(plenum, bureau)
  })
  afterAll(async () => {
    await plenum.close()
  })

  test('the bureau gives it with a comment; everyone reads it; a second one replaces it, and the log keeps both', async () => {
    expect(await opinionOf('P2-A1')).toBeNull()
    const given = await give(bureau, 'P2-A1', { opinion: 'unfavorable', comment: 'Le champ social relève d’une autre proposition.' })
    expect(given.status).toBe(200)
    expect(await opinionOf('P2-A1')).toMatchObject({ opinion: 'unfavorable', comment: 'Le champ social relève d’une autre proposition.' })
    expect((await give(bureau, 'P2-A1', { opinion: 'wisdom' })).status).toBe(200)
    expect(await opinionOf('P2-A1')).toMatchObject({ opinion: 'wisdom', comment: '' })
    const audit = (await call<{ entries: AuditEntryView[] }>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/audit`)).body.entries
    const entries = audit.filter((e) => e.action === 'amendment.opinion' && e.payload.amendmentId === byLabel('P2-A1').id)
    expect(entries.map((e) => e.payload.opinion)).toEqual(['unfavorable', 'wisdom'])
    expect(entries[0]!.payload).toMatchObject({ label: 'P2-A1', comment: 'Le champ social relève d’une autre proposition.' })
  })

  test('only the bureau gives it', async () => {
    for (const who of [delegate, attendee]) {
      const refused = await give(who.token, 'P2-A2', { opinion: 'favorable' })
      expect(refused.status).toBe(403)
    }
    expect(await opinionOf('P2-A2')).toBeNull()
  })

  test('an unknown opinion or a comment too long is refused, naming the field; nothing is written', async () => {
    const unknown = await give(bureau, 'P2-A2', { opinion: 'maybe' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 'bad_request', field: 'opinion' })
    const long = await give(bureau, 'P2-A2', { opinion: 'favorable', comment: 'x'.repeat(2001) })
    expect(long.status).toBe(400)
    expect(long.body.error).toMatchObject({ code: 'bad_request', field: 'comment' })
    expect(await opinionOf('P2-A2')).toBeNull()
  })

  test('not on an amendment no longer waiting for its vote, nor outside the amendment and voting phases', async () => {
    const a4 = byLabel('P2-A4')
    // Ruled admissible when filed: the bureau changes its ruling.
    expect((await call(plenum, bureau, 'POST', `/amendments/${a4.id}/ruling-change`, { admissible: false, reason: 'Hors sujet.' })).status).toBe(200)
    const ruledOut = await give(bureau, 'P2-A4', { opinion: 'favorable' })
    expect(ruledOut.status).toBe(409)
    expect(ruledOut.body.error).toMatchObject({ code: 'amendment_status', status: 'inadmissible', attempted: 'opinion' })
    await setPhase(plenum, bureau, 'drafting')
    const drafting = await give(bureau, 'P2-A3', { opinion: 'favorable' })
    expect(drafting.status).toBe(409)
    expect(drafting.body.error.code).toBe('phase_forbids')
    await setPhase(plenum, bureau, 'amendments')
    expect((await give(bureau, 'P2-A3', { opinion: 'withdrawal_requested', comment: 'Identique à P2-A1.' })).status).toBe(200)
  })
})
