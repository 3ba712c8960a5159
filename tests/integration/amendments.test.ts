import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, AmendmentView, AuditEntryView, CongressView, FiledAmendmentView } from '../../shared/api-types.ts'
import { amendmentDiff, mergeFork } from '../../shared/amendments/fork.ts'
import { docText, stateText } from '../../shared/editor/doc-state.ts'
import { bearer, importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced, type TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { waitFor } from '../helpers/wait-for.ts'

describe('amendments', () => {
  let plenum: TestServer
  let bureau: Signed
  let alice: Signed
  let bruno: Signed
  let claire: Signed
  let attendee: Signed
  let congressId: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    plenum = await startTestServer()
    congressId = plenum.seed.congressId
    const seedBureau = await plenum.login()
    ;[bureau, alice, bruno, claire, attendee] = (await importAndSignIn(plenum, seedBureau.token, [
      { name: 'Bureau Test', role: 'bureau' },
      { name: 'Alice Martin', role: 'delegate' },
      { name: 'Bruno Petit', role: 'delegate' },
      { name: 'Claire Roux', role: 'delegate' },
      { name: 'Anne Assistante', role: 'attendee' },
    ])) as [Signed, Signed, Signed, Signed, Signed]
    await setPhase('amendments')
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await plenum.close()
  })

  async function api<T>(method: string, path: string, who: Signed, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${plenum.baseUrl}${path}`, {
      method,
      headers: { ...bearer(who.token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as T }
  }
  async function setPhase(phase: string): Promise<void> {
    const { status } = await api('POST', `/api/congresses/${congressId}/phase`, bureau ?? { token: (await plenum.login()).token }, { phase })
    expect(status).toBe(200)
  }
  async function file(who: Signed, proposalIndex: number, justification = 'Parce que.'): Promise<FiledAmendmentView> {
    const { status, body } = await api<FiledAmendmentView>('POST', `/api/proposals/${plenum.seed.proposals[proposalIndex]!.id}/amendments`, who, { justification })
    expect(status).toBe(201)
    return body
  }
  async function open(docName: string, who: Signed): Promise<TestClient> {
    const client = await connectSynced(plenum.wsUrl, docName, who.token, who.name)
    clients.push(client)
    return client
  }
  /** Edits the amendment's text as its author would, and waits until the server holds the edit. */
  async function edit(docName: string, who: Signed, find: string, replacement: string): Promise<void> {
    const client = await open(docName, who)
    replaceText(client.doc, find, replacement)
    await roundTrip(client)
    expect(docText(plenum.server.sync.rooms.get(docName)!.doc)).toContain(replacement)
  }
  const detail = async (id: string) => (await api<AmendmentDetailView>('GET', `/api/amendments/${id}`, attendee)).body
  const step = (who: Signed, id: string, name: string, body: unknown = {}) => api<{ error?: { code: string; message: string }; status?: string }>('POST', `/api/amendments/${id}/${name}`, who, body)
  const stored = async (docName: string) => {
    const { state, updates } = (await plenum.log.load(docName))!
    return Y.mergeUpdates([state, ...updates])
  }
  const text = async (i: number) => {
    const stored = (await plenum.log.load(plenum.seed.proposals[i]!.docName))!
    return stateText(stored.state, stored.updates)
  }
  async function putToBureauAndAdopt(author: Signed, id: string): Promise<string | undefined> {
    expect((await step(bureau, id, 'submit')).status).toBe(403) // only the author submits
    expect((await step(author, id, 'submit')).status).toBe(200)
    expect((await step(bureau, id, 'ruling', { admissible: true })).status).toBe(200)
    return (await step(bureau, id, 'decision', { outcome: 'adopted' })).body.status
  }

  test('filing copies the proposal, numbers per proposal and reads "P2-A1"', async () => {
    const first = await file(alice, 1)
    const second = await file(bruno, 1)
    const other = await file(alice, 2)
    expect(first).toMatchObject({ number: 1, label: 'P2-A1', status: 'draft' })
    expect(second).toMatchObject({ number: 2, label: 'P2-A2' })
    expect(other).toMatchObject({ number: 1, label: 'P3-A1' })
    expect(first.docName).toBe(`${congressId}/amendment/${first.id}`)
    const amendment = (await plenum.log.load(first.docName))!
    expect(stateText(amendment.state)).toBe(await text(1))
    const view = await detail(first.id)
    expect(view).toMatchObject({ author: { id: alice.id, name: 'Alice Martin' }, justification: 'Parce que.', changedLines: [], competing: [], proposalNumber: 2 })
  })

  test('the preamble takes amendments too: "PR-A1"', async () => {
    const { status, body } = await api<FiledAmendmentView>('POST', `/api/congresses/${congressId}/preamble/amendments`, claire, {})
    expect(status).toBe(201)
    expect(body.label).toBe('PR-A1')
  })

  test('bad input gets a clear 400, and an attendee cannot file', async () => {
    const proposal = plenum.seed.proposals[1]!.id
    for (const body of [{ justification: 12 }, { justification: 'x'.repeat(20_001) }, { justification: 'a\u0000b' }]) {
      const { status, body: error } = await api<{ error: { code: string; message: string } }>('POST', `/api/proposals/${proposal}/amendments`, alice, body)
      expect(status).toBe(400)
      expect(error.error.code).toBe('bad_request')
      expect(error.error.message).toContain('justification')
    }
    expect((await api('POST', `/api/proposals/${proposal}/amendments`, attendee, {})).status).toBe(403)
    expect((await api('POST', `/api/proposals/nope/amendments`, alice, {})).status).toBe(404)
    const id = (await file(alice, 3)).id
    expect((await step(bureau, id, 'ruling', { admissible: false })).status).toBe(400) // a reason is owed
    expect((await step(bureau, id, 'decision', { outcome: 'maybe' })).status).toBe(400)
    expect((await api('GET', `/api/congresses/${congressId}/amendments?status=bogus`, alice)).status).toBe(400)
  })

  test('only the author and the co-signers they accepted write it; attendees and others only read', async () => {
    const filed = await file(alice, 4)
    const denied: string[] = []
    const brunoClient = await open(filed.docName, bruno)
    brunoClient.provider.messageHandlers[2] = (_e, decoder) => {
      decoding.readVarUint(decoder)
      denied.push(decoding.readVarString(decoder))
    }
    // Bruno asks to co-sign: not yet accepted, his typing goes nowhere.
    expect((await step(bruno, filed.id, 'cosign')).status).toBe(200)
    const word = (await text(4)).split(' ')[1]!
    replaceText(brunoClient.doc, word, 'chèque numérique')
    await roundTrip(brunoClient)
    expect(docText(plenum.server.sync.rooms.get(filed.docName)!.doc)).not.toContain('chèque numérique')
    brunoClient.destroy()

    expect((await step(bruno, filed.id, `cosigners/${bruno.id}/accept`)).status).toBe(403) // the author accepts, not him
    expect((await step(alice, filed.id, `cosigners/${bruno.id}/accept`)).status).toBe(200)
    const brunoAgain = await open(filed.docName, bruno)
    const aliceClient = await open(filed.docName, alice)
    replaceText(brunoAgain.doc, word, 'chèque numérique')
    await waitFor(() => aliceClient.text().includes('chèque numérique'), 'the co-signer’s edit reaches the author live')

    for (const reader of [attendee, claire]) {
      const client = await open(filed.docName, reader)
      client.appendParagraph(`${reader.name} was here`)
      await roundTrip(client)
      expect(docText(plenum.server.sync.rooms.get(filed.docName)!.doc)).not.toContain(`${reader.name} was here`)
    }
    const view = await detail(filed.id)
    expect(view.cosigners).toEqual([{ id: bruno.id, name: 'Bruno Petit', accepted: true }])
    expect(view.changedLines.length).toBeGreaterThan(0)
  })

  test('nobody writes a withdrawn or ruled amendment, and open editors are told at once', async () => {
    for (const end of ['withdraw', 'ruling'] as const) {
      const filed = await file(alice, 5)
      const client = await open(filed.docName, alice)
      const notices: string[] = []
      client.provider.messageHandlers[2] = (_e, decoder) => {
        decoding.readVarUint(decoder)
        notices.push(decoding.readVarString(decoder))
      }
      if (end === 'withdraw') expect((await step(alice, filed.id, 'withdraw')).status).toBe(200)
      else {
        expect((await step(alice, filed.id, 'submit')).status).toBe(200)
        expect((await step(bureau, filed.id, 'ruling', { admissible: false, reason: 'Hors sujet.' })).status).toBe(200)
      }
      await waitFor(() => notices.includes('read-only:closed:amendments'), `the ${end} notice`)
      client.appendParagraph('Trop tard.')
      await roundTrip(client)
      expect(docText(plenum.server.sync.rooms.get(filed.docName)!.doc)).not.toContain('Trop tard.')
      const view = await detail(filed.id)
      expect(view.status).toBe(end === 'withdraw' ? 'withdrawn' : 'inadmissible')
      if (end === 'ruling') expect(view.rulingReason).toBe('Hors sujet.')
      expect((await api('PATCH', `/api/amendments/${filed.id}`, alice, { justification: 'Autre.' })).status).toBe(409)
    }
  })

  test('a minimum of co-signers holds the amendment back from the bureau', async () => {
    expect((await api('PATCH', `/api/congresses/${congressId}`, bureau, { minCosigners: 1 })).status).toBe(409) // set up before amendments
    await setPhase('drafting')
    expect((await api('PATCH', `/api/congresses/${congressId}`, bureau, { minCosigners: 1 })).status).toBe(200)
    await setPhase('amendments')
    const filed = await file(claire, 6)
    const refused = await step(claire, filed.id, 'submit')
    expect(refused.status).toBe(409)
    expect(refused.body.error?.message).toContain('1 cosignataire')
    await step(alice, filed.id, 'cosign')
    await step(claire, filed.id, `cosigners/${alice.id}/accept`)
    expect((await step(claire, filed.id, 'submit')).status).toBe(200)
    await setPhase('drafting')
    await api('PATCH', `/api/congresses/${congressId}`, bureau, { minCosigners: 0 })
    await setPhase('amendments')
  })

  test('merge: a bureau correction made since the fork and the amendment both end up in the proposal', async () => {
    const filed = await file(alice, 1)
    await edit(filed.docName, alice, 'Toute démarche', 'Chaque démarche')
    // The bureau goes back to drafting to correct the base text elsewhere, then reopens amendments.
    await setPhase('drafting')
    const proposalDoc = plenum.seed.proposals[1]!.docName
    const reader = await open(proposalDoc, attendee)
    const corrector = await open(proposalDoc, bureau)
    replaceText(corrector.doc, 'téléphonique', 'téléphonique gratuit')
    await roundTrip(corrector)
    await setPhase('amendments')
    expect(await putToBureauAndAdopt(alice, filed.id)).toBe('merged')
    expect(await text(1)).toContain('Chaque démarche')
    expect(await text(1)).toContain('téléphonique gratuit')
    await waitFor(() => reader.text().includes('Chaque démarche'), 'a reader on the proposal sees the merge live')
    const view = await detail(filed.id)
    expect(view.status).toBe('merged')
    expect(view.mergedAt).not.toBeNull()
    // The merged amendment still reads as the change it made, against the text it was merged into.
    const diff = amendmentDiff(Buffer.from(view.mergedOnto!, 'base64'), await stored(filed.docName), Buffer.from(view.forkVector, 'base64'))
    expect(diff.changed).toEqual([{ from: 1, to: 1 }])
    const audit = (await api<{ entries: AuditEntryView[] }>('GET', `/api/congresses/${congressId}/audit`, bureau)).body.entries
    const merged = audit.find((e) => e.action === 'amendment.merged' && e.payload.amendmentId === filed.id)
    expect(merged?.payload.label).toBe(view.label)
    for (const action of ['amendment.filed', 'amendment.submitted', 'amendment.ruled', 'amendment.adopted']) {
      expect(audit.some((e) => e.action === action && e.payload.amendmentId === filed.id), action).toBe(true)
    }
  })

  test('two amendments on different lines merge to the same text in either order', async () => {
    const proposal = plenum.seed.proposals[8]!
    const words = (await text(8)).split(' ')
    const [early, late] = [`${words[0]} ${words[1]}`, words.slice(-3).join(' ')]
    const a = await file(alice, 8)
    const b = await file(bruno, 8)
    await edit(a.docName, alice, early, `${early} (A)`)
    await edit(b.docName, bruno, late, `${late} (B)`)
    const list = (await api<{ amendments: AmendmentView[] }>('GET', `/api/proposals/${proposal.id}/amendments`, attendee)).body.amendments
    expect(list.map((x) => x.competing)).toEqual([[], []])
    // The other order, computed from the same states with the same shared merge the server uses.
    const base = await stored(proposal.docName)
    const [views, states] = [await Promise.all([detail(a.id), detail(b.id)]), await Promise.all([stored(a.docName), stored(b.docName)])]
    const fork = (i: 0 | 1) => Buffer.from(views[i].forkVector, 'base64')
    const bThenA = mergeFork(mergeFork(base, states[1]!, fork(1)), states[0]!, fork(0))

    expect(await putToBureauAndAdopt(alice, a.id)).toBe('merged')
    expect(await putToBureauAndAdopt(bruno, b.id)).toBe('merged')
    expect(await text(8)).toContain(`${early} (A)`)
    expect(await text(8)).toContain(`${late} (B)`)
    expect(stateText(bThenA)).toBe(await text(8))
  })

  test('overlapping amendments are flagged "en concurrence" before, and for review after one is merged', async () => {
    const proposal = plenum.seed.proposals[10]!
    const a = await file(alice, 10)
    const b = await file(bruno, 10)
    const c = await file(claire, 10)
    const words = (await text(10)).split(' ')
    await edit(a.docName, alice, `${words[0]} ${words[1]}`, 'Désormais,')
    await edit(b.docName, bruno, `${words[1]} ${words[2]}`, 'autrement')
    await edit(c.docName, claire, words.at(-1)!, `${words.at(-1)!} Fin.`)
    const list = async () => (await api<{ amendments: AmendmentView[] }>('GET', `/api/proposals/${proposal.id}/amendments`, attendee)).body.amendments
    const before = await list()
    const byId = (l: AmendmentView[], id: string) => l.find((x) => x.id === id)!
    expect(byId(before, a.id).competing).toEqual([b.label])
    expect(byId(before, b.id).competing).toEqual([a.label])
    expect(byId(before, c.id).competing).toEqual([])

    expect(await putToBureauAndAdopt(alice, a.id)).toBe('merged')
    const after = await list()
    expect(byId(after, b.id).overlapsMerged).toEqual([a.label])
    expect(byId(after, c.id).overlapsMerged).toEqual([])
    // Adopting B waits for the bureau's review of the combined text, then merges on request.
    expect(await putToBureauAndAdopt(bruno, b.id)).toBe('adopted')
    expect((await detail(b.id)).status).toBe('adopted')
    expect((await step(alice, b.id, 'merge')).status).toBe(403)
    expect((await step(bureau, b.id, 'merge')).status).toBe(200)
    expect(await text(10)).toContain('autrement')
    expect((await detail(b.id)).status).toBe('merged')
    expect((await step(bureau, b.id, 'merge')).status).toBe(409)
  })

  test('lists: per congress and per proposal, filtered by status, with a count per proposal', async () => {
    const all = (await api<{ amendments: AmendmentView[] }>('GET', `/api/congresses/${congressId}/amendments`, attendee)).body.amendments
    const merged = (await api<{ amendments: AmendmentView[] }>('GET', `/api/congresses/${congressId}/amendments?status=merged`, attendee)).body.amendments
    expect(all.length).toBeGreaterThan(merged.length)
    expect(merged.length).toBeGreaterThanOrEqual(4)
    expect(merged.every((x) => x.status === 'merged')).toBe(true)
    // Reading order: the preamble first, then proposals by number, then amendments by number.
    const keys = all.map((x) => [x.proposalNumber ?? 0, x.number] as const)
    expect(keys).toEqual([...keys].sort((p, q) => p[0] - q[0] || p[1] - q[1]))
    const congress = (await api<CongressView>('GET', `/api/congresses/${congressId}`, attendee)).body
    expect(congress.minCosigners).toBe(0)
  })

  test('after the amendments phase, filing and co-signing are refused by phase', async () => {
    const filed = await file(alice, 12)
    await setPhase('voting')
    expect((await api('POST', `/api/proposals/${plenum.seed.proposals[12]!.id}/amendments`, alice, {})).status).toBe(409)
    expect((await step(bruno, filed.id, 'cosign')).status).toBe(409)
    expect((await step(alice, filed.id, 'withdraw')).status).toBe(200)
    await setPhase('amendments')
  })
})
