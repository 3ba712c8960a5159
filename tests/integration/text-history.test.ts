import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FiledAmendmentView } from '../../shared/api-types.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import type { TextHistoryView, TextRestoredView, TextVersionCompareView, TextVersionTextView } from '../../shared/history/text-history.ts'
import { amendingBase, textVersions, versionParagraphs } from '../../server/history/text-versions.ts'
import { startHistoryCongress, type HistoryCongress } from '../helpers/history-congress.ts'
import type { Signed } from '../helpers/participants.ts'
import type { TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { takeVersion } from '../helpers/text-versions.ts'
import { waitFor } from '../helpers/wait-for.ts'

/** Every base text's history: versions at phase changes, merges, pauses and restores; listed, compared, restored (issue 19, point 6). */
describe('every text’s history', () => {
  let c: HistoryCongress
  let plenum: TestServer
  let congressId: string
  let bureau: Signed
  let alice: Signed
  let bruno: Signed

  beforeAll(async () => {
    c = await startHistoryCongress({ typingPauseMs: 300, delegates: ['Alice Martin', 'Bruno Petit'] })
    ;({ plenum, congressId, bureau } = c)
    ;[alice, bruno] = c.delegates as [Signed, Signed]
  })
  afterAll(() => c.close())

  const api = <T = { error?: { code: string } }>(method: string, path: string, who: Signed, body?: unknown) => c.api<T>(method, path, who, body)
  const setPhase = (phase: string) => c.setPhase(phase)
  const proposal = (i: number) => c.proposal(i)
  const history = (i: number) => c.history(i)
  const storedParagraphs = (docName: string) => c.storedParagraphs(docName)
  const open = (docName: string, who: Signed) => c.open(docName, who)

  test('a phase change takes a version of every base text, the amending base the lead reads', async () => {
    const before = (await textVersions(plenum.database.db, proposal(3).docName)).length
    await setPhase('amendments')
    const preamble = (await api<TextHistoryView>('GET', `/api/congresses/${congressId}/preamble/versions`, alice)).body
    expect(preamble.versions.at(-1)).toMatchObject({ event: 'phase', phase: 'amendments', actor: expect.any(String) })
    for (const p of plenum.seed.proposals) expect((await textVersions(plenum.database.db, p.docName)).at(-1)).toMatchObject({ event: 'phase', phase: 'amendments' })
    expect((await textVersions(plenum.database.db, proposal(3).docName)).length).toBe(before + 1)
    expect(await amendingBase(plenum.database.db, proposal(3).docName)).toEqual(await storedParagraphs(proposal(3).docName))
    await setPhase('drafting')
  })

  test('a pause in typing takes a version, naming who typed since the one before', async () => {
    const docName = proposal(0).docName
    const writer = await open(docName, alice)
    writer.appendParagraph('Alice ajoute une phrase.')
    await roundTrip(writer)
    const first = await waitFor(async () => (await history(0)).versions.find((v) => v.event === 'pause'), 'the pause’s version')
    expect(first.typists).toEqual(['Alice Martin'])
    const other = await open(docName, bruno)
    other.appendParagraph('Bruno ajoute la sienne.')
    await roundTrip(other)
    const second = await waitFor(async () => (await history(0)).versions.find((v) => v.event === 'pause' && v.seq > first.seq), 'the next pause’s version')
    expect(second.typists).toEqual(['Bruno Petit'])
    const text = (await api<TextVersionTextView>('GET', `/api/congresses/${congressId}/versions/${second.id}`, alice)).body
    expect(text.paragraphs).toEqual(await storedParagraphs(docName))
  })

  test('typing that never pauses still gets a version, after ten pauses’ worth of it', async () => {
    const docName = proposal(4).docName
    const writer = await open(docName, bruno)
    const before = (await history(4)).versions.length
    // Keystrokes far closer together than the pause (300 ms), for as long as it takes.
    let typed = 0
    while ((await history(4)).versions.length === before && typed < 5_000) {
      writer.appendParagraph(`Bruno tape sans s’arrêter, ${typed++}.`)
      await roundTrip(writer)
    }
    const version = (await history(4)).versions.at(-1)!
    expect(version).toMatchObject({ event: 'pause', typists: ['Bruno Petit'] })
    // Taken while the typing went on: the text had more to come.
    writer.appendParagraph('Et encore une ligne.')
    await roundTrip(writer)
    const text = (await api<TextVersionTextView>('GET', `/api/congresses/${congressId}/versions/${version.id}`, alice)).body.paragraphs
    expect(text.join('\n')).not.toContain('Et encore une ligne.')
    expect(typed).toBeGreaterThan(10)
  })

  test('a merge takes the target’s version after it', async () => {
    await setPhase('amendments')
    const filed = (await api<FiledAmendmentView>('POST', `/api/proposals/${proposal(1).id}/amendments`, alice, { justification: 'Parce que.' })).body
    const editor = await open(filed.docName, alice)
    replaceText(editor.doc, 'Toute démarche', 'Chaque démarche')
    await roundTrip(editor)
    expect((await api('POST', `/api/amendments/${filed.id}/submit`, alice)).status).toBe(200)
    expect((await api('POST', `/api/amendments/${filed.id}/ruling`, bureau, { admissible: true })).status).toBe(200)
    expect((await api<{ status: string }>('POST', `/api/amendments/${filed.id}/decision`, bureau, { outcome: 'adopted' })).body.status).toBe('merged')
    const merged = (await history(1)).versions.at(-1)!
    expect(merged).toMatchObject({ event: 'merge', amendmentLabel: filed.label })
    expect((await api<TextVersionTextView>('GET', `/api/congresses/${congressId}/versions/${merged.id}`, alice)).body.paragraphs.join('\n')).toContain('Chaque démarche')
    // The comparison of the amending base with the merge is the amendment's own change, on the base's numbered lines.
    const base = (await history(1)).versions.find((v) => v.event === 'phase' && v.phase === 'amendments')!
    const compared = (await api<TextVersionCompareView>('GET', `/api/congresses/${congressId}/versions/${base.id}/compare/${merged.id}`, alice)).body
    const segments = compared.diff.lines.flatMap((l) => l.segments)
    expect(segments.filter((s) => s.kind === 'ins').map((s) => s.text.trim())).toContain('Chaque')
    expect(segments.filter((s) => s.kind === 'del').map((s) => s.text.trim())).toContain('Toute')
    expect(compared.diff.changed.length).toBeGreaterThan(0)
    await setPhase('drafting')
  })

  test('the bureau restores a version deleted and compacted since: a new change every editor sees, and a version of its own', async () => {
    const docName = proposal(2).docName
    const writer = await open(docName, alice)
    writer.appendParagraph('Une phrase que l’on supprimera.')
    await roundTrip(writer)
    const kept = await waitFor(async () => (await history(2)).versions.find((v) => v.event === 'pause'), 'the pause’s version')
    const keptText = await versionParagraphs(plenum.database.db, kept.id)
    // Everything deleted, then folded away (gc): the version alone remembers the words.
    writer.doc.transact(() => {
      const fragment = writer.doc.getXmlFragment('default')
      fragment.delete(0, fragment.length)
    })
    writer.appendParagraph('Tout a été réécrit.')
    await roundTrip(writer)
    await plenum.log.compact(docName, Date.now())
    expect((await storedParagraphs(docName)).join('\n')).not.toContain('supprimera')
    await waitFor(async () => (await history(2)).versions.some((v) => v.seq > kept.seq), 'the rewrite’s version')
    expect(await versionParagraphs(plenum.database.db, kept.id)).toEqual(keptText)

    const reader = await open(docName, bruno)
    expect((await api('POST', `/api/congresses/${congressId}/versions/${kept.id}/restore`, alice)).status).toBe(403)
    const restored = await api<TextRestoredView>('POST', `/api/congresses/${congressId}/versions/${kept.id}/restore`, bureau)
    expect(restored.status).toBe(200)
    expect(restored.body.version).toMatchObject({ event: 'restore', restoredSeq: kept.seq, actor: expect.any(String) })
    expect(await storedParagraphs(docName)).toEqual(keptText)
    await waitFor(() => reader.text().includes('supprimera') && !reader.text().includes('réécrit'), 'an open editor sees the restore live')
    const audit = (await api<{ entries: { action: string; payload: Record<string, unknown> }[] }>('GET', `/api/congresses/${congressId}/audit`, bureau)).body.entries
    expect(audit.find((e) => e.action === 'text.restored')?.payload).toMatchObject({ versionId: kept.id, seq: kept.seq, docName })
    // Restoring what the text already reads changes nothing, and makes no version.
    const again = await api<TextRestoredView>('POST', `/api/congresses/${congressId}/versions/${kept.id}/restore`, bureau)
    expect(again.body.version).toBeNull()
  })

  test('a restore is refused while the text is not editable: another phase, or the text put to the vote', async () => {
    const version = (await history(2)).versions[0]!
    await setPhase('amendments')
    const refused = await api('POST', `/api/congresses/${congressId}/versions/${version.id}/restore`, bureau)
    expect(refused.status).toBe(409)
    expect(refused.body.error?.code).toBe('phase_forbids')
    expect((await history(2)).canRestore).toBe(false)
    await setPhase('drafting')
    expect((await api<TextHistoryView>('GET', `/api/congresses/${congressId}/proposals/${proposal(2).id}/versions`, bureau)).body.canRestore).toBe(true)
    // A ballot on the proposal recorded its text: it stays as voted, whatever the phase.
    const ballotId = 'history-ballot'
    await plenum.database.db
      .insertInto('ballots')
      .values({ id: ballotId, congress_id: congressId, subject_kind: 'proposal', subject_id: proposal(2).id, rule: '{}', status: 'closed', created_at: 1, entitled_count: 0, present_count: 0, represented_count: 0 })
      .execute()
    await plenum.database.db.insertInto('ballot_texts').values({ ballot_id: ballotId, doc_name: proposal(2).docName, sha256: 'x' }).execute()
    const voted = await api('POST', `/api/congresses/${congressId}/versions/${version.id}/restore`, bureau)
    expect(voted.status).toBe(409)
    expect(voted.body.error?.code).toBe('restore_text_voted')
    // A version of another congress, or none, is not found.
    expect((await api('GET', `/api/congresses/${congressId}/versions/nope`, bureau)).status).toBe(404)
  })

  test('10,000 edits: the versions stay a small multiple of the text, not keystrokes × text', async () => {
    const docName = proposal(5).docName
    const { state } = (await plenum.log.load(docName))!
    const typist = new Y.Doc()
    Y.applyUpdate(typist, state)
    const premise = { congressId, phase: 'drafting' as const }
    const before = (await textVersions(plenum.database.db, docName)).length
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const words = ['le ', 'numérique ', 'public ', 'accessible ', 'à ', 'tous ', 'les ', 'habitants ']
    const edits = 10_000
    let pending: Uint8Array[] = []
    typist.on('update', (u: Uint8Array) => pending.push(u))
    for (let i = 1; i <= edits; i++) {
      const text = typist.getXmlFragment('default').toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement).at(-1)!.get(0) as Y.XmlText
      // Typing mostly forward, with corrections (a few characters deleted back).
      if (random() < 0.8 || text.length < 20) text.insert(text.length - Math.floor(random() * 10 > 8 ? random() * text.length : 0), words[Math.floor(random() * words.length)]!)
      else text.delete(Math.max(0, text.length - 1 - Math.floor(random() * 30)), 1 + Math.floor(random() * 3))
      // A room stores a turn's keystrokes as one update; a new paragraph now and then.
      if (i % 10 === 0) {
        await plenum.log.append(docName, Y.mergeUpdates(pending), Date.now(), premise)
        pending = []
      }
      if (i % 500 === 0) {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText('')])
        typist.getXmlFragment('default').push([p])
      }
      if (i % 2_000 === 0) await plenum.log.compact(docName, Date.now())
      // A version every 200 edits: a pause in typing every few minutes.
      if (i % 200 === 0) await takeVersion(plenum.database.db, plenum.log, { docName, event: 'pause', now: Date.now() })
    }
    const versions = await plenum.database.db.selectFrom('text_versions').select(['delta', 'seq']).where('doc_name', '=', docName).orderBy('seq').execute()
    expect(versions.length).toBe(before + edits / 200)
    const versionBytes = versions.reduce((sum, v) => sum + v.delta.byteLength, 0)
    await plenum.log.compact(docName, Date.now())
    const stateBytes = (await plenum.log.size(docName)).stateBytes
    const textChars = (await storedParagraphs(docName)).join('\n').length
    console.log(`history of 10,000 edits: ${versions.length} versions, ${versionBytes} bytes; the text ${textChars} characters, its state ${stateBytes} bytes`)
    expect(versionBytes).toBeLessThan(3 * stateBytes)
    // A copy per version would weigh about versions × state.
    expect(versionBytes * 10).toBeLessThan(versions.length * stateBytes)
    // The last version is the text.
    expect(await versionParagraphs(plenum.database.db, (await textVersions(plenum.database.db, docName)).at(-1)!.id)).toEqual(await storedParagraphs(docName))
  })
})
