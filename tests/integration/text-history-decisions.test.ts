import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FiledAmendmentView } from '../../shared/api-types.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import type { TextHistoryView } from '../../shared/history/text-history.ts'
import { amendingBase, textVersions, versionParagraphs } from '../../server/history/text-versions.ts'
import { startHistoryCongress, type HistoryCongress } from '../helpers/history-congress.ts'
import type { Signed } from '../helpers/participants.ts'
import type { TestClient } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { takeVersion } from '../helpers/text-versions.ts'

/**
 * The versions decisions take (phase changes, the freeze), who they name, and what the record reads
 * of them (issue 19, point 6). The pause in typing is left at a minute: no pause's version comes in
 * between, every version here is a decision's.
 */
describe('a text’s versions taken by decisions', () => {
  let c: HistoryCongress
  let plenum: TestServer
  let congressId: string
  let bureau: Signed
  let alice: Signed

  beforeAll(async () => {
    c = await startHistoryCongress({ typingPauseMs: 60_000, delegates: ['Alice Martin'] })
    ;({ plenum, congressId, bureau } = c)
    ;[alice] = c.delegates as [Signed]
  })
  afterAll(() => c.close())

  const api = <T = { error?: { code: string } }>(method: string, path: string, who: Signed, body?: unknown) => c.api<T>(method, path, who, body)
  const setPhase = (phase: string) => c.setPhase(phase)
  const proposal = (i: number) => c.proposal(i)
  const history = (i: number) => c.history(i)
  const storedParagraphs = (docName: string) => c.storedParagraphs(docName)
  const open = (docName: string, who: Signed) => c.open(docName, who)
  async function type(client: TestClient, words: string): Promise<void> {
    client.appendParagraph(words)
    // Answered once the room stored it (and told who typed it).
    await roundTrip(client)
  }

  test('a phase change names who typed just before it, though their mark was not written yet', async () => {
    const writer = await open(proposal(0).docName, alice)
    await type(writer, 'Alice écrit avant le changement de phase.')
    await setPhase('amendments')
    expect((await history(0)).versions.at(-1)).toMatchObject({ event: 'phase', phase: 'amendments', typists: ['Alice Martin'] })
    await setPhase('drafting')
    expect((await history(0)).versions.at(-1)).toMatchObject({ event: 'phase', phase: 'drafting', typists: [] })
    // Typed again within seconds of her first mark: this process writes the next one a few seconds
    // later, after the version below; the version must name her all the same.
    await type(writer, 'Alice écrit encore, juste avant.')
    await setPhase('amendments')
    const version = (await history(0)).versions.at(-1)!
    expect(version).toMatchObject({ event: 'phase', phase: 'amendments', typists: ['Alice Martin'] })
    expect((await api<{ paragraphs: string[] }>('GET', `/api/congresses/${congressId}/versions/${version.id}`, alice)).body.paragraphs).toContain('Alice écrit encore, juste avant.')
    await setPhase('drafting')
  })

  test('a mark written late, by another process, for typing before the last version: the next version names them', async () => {
    const docName = proposal(5).docName
    const now = Date.now()
    const first = (await takeVersion(plenum.database.db, plenum.log, { docName, event: 'pause', now, always: true }))!
    // Another process's trailing mark lands after that version, for typing a few seconds before it.
    await plenum.database.db.insertInto('text_typing').values({ doc_name: docName, participant_id: alice.id, typed_at: first.at - 3_000 }).execute()
    const next = (await takeVersion(plenum.database.db, plenum.log, { docName, event: 'pause', now: now + 1, always: true }))!
    const typists = async (versionId: string) => (await textVersions(plenum.database.db, docName)).find((v) => v.id === versionId)!.typistIds
    expect(await typists(next.id)).toEqual([alice.id])
    // Named once: the version after names no one.
    const third = (await takeVersion(plenum.database.db, plenum.log, { docName, event: 'pause', now: now + 2, always: true }))!
    expect(await typists(third.id)).toEqual([])
  })

  test('typing in an amendment’s text marks no one and takes no version: only base texts have a history', async () => {
    const marks = async (docName: string) => plenum.database.db.selectFrom('text_typing').select('participant_id').where('doc_name', '=', docName).execute()
    // A base text's typing is marked (its first mark written at once)…
    const base = await open(proposal(2).docName, bureau)
    await type(base, 'Le bureau tape dans la proposition.')
    await setPhase('amendments')
    expect(await marks(proposal(2).docName)).toHaveLength(1)
    // … an amendment's text's is not, though it is typed in the same way.
    const filed = (await api<FiledAmendmentView>('POST', `/api/proposals/${proposal(1).id}/amendments`, alice, { justification: 'Parce que.' })).body
    const editor = await open(filed.docName, alice)
    await type(editor, 'Un ajout dans l’amendement.')
    await setPhase('drafting')
    expect(await marks(filed.docName)).toEqual([])
    expect(await textVersions(plenum.database.db, filed.docName)).toEqual([])
  })

  test('the amending base is the text as its amendments were written: the last entry into amendments before the first one filed', async () => {
    const docName = proposal(3).docName
    // Into amendments once, no amendment filed; back to drafting, and the text changes.
    await setPhase('amendments')
    const first = await storedParagraphs(docName)
    expect(await amendingBase(plenum.database.db, docName)).toEqual(first)
    await setPhase('drafting')
    const writer = await open(docName, alice)
    await type(writer, 'Réécrit après le premier tour.')
    await setPhase('amendments')
    const second = await storedParagraphs(docName)
    expect(second).not.toEqual(first)
    // None filed yet: the latest entry.
    expect(await amendingBase(plenum.database.db, docName)).toEqual(second)
    expect((await api('POST', `/api/proposals/${proposal(3).id}/amendments`, alice, { justification: 'Sur le second texte.' })).status).toBe(201)
    await setPhase('drafting')
    await type(writer, 'Réécrit encore, après l’amendement.')
    await setPhase('amendments')
    // A third entry, after the amendment was filed: its text is not the one amended.
    expect(await storedParagraphs(docName)).not.toEqual(second)
    expect(await amendingBase(plenum.database.db, docName)).toEqual(second)
    await setPhase('drafting')
  })

  test('a restore authorizes before it reads anything: a delegate gets 403 for any version id', async () => {
    expect((await api('POST', `/api/congresses/${congressId}/versions/nope/restore`, alice)).status).toBe(403)
    const version = (await history(0)).versions[0]!
    expect((await api('POST', `/api/congresses/${congressId}/versions/${version.id}/restore`, alice)).status).toBe(403)
    expect((await api('POST', `/api/congresses/${congressId}/versions/nope/restore`, bureau)).status).toBe(404)
  })

  test('two versions of different texts are not compared; two of one text are', async () => {
    const a = (await history(0)).versions
    const b = (await history(3)).versions
    expect((await api('GET', `/api/congresses/${congressId}/versions/${a[0]!.id}/compare/${b[0]!.id}`, alice)).status).toBe(404)
    const compared = await api<{ from: { version: { id: string }; paragraphs: string[] }; to: { version: { id: string }; paragraphs: string[] } }>(
      'GET',
      `/api/congresses/${congressId}/versions/${a[0]!.id}/compare/${a.at(-1)!.id}`,
      alice,
    )
    expect(compared.status).toBe(200)
    expect(compared.body.from.version.id).toBe(a[0]!.id)
    expect(compared.body.from.paragraphs).toEqual(await versionParagraphs(plenum.database.db, a[0]!.id))
    expect(compared.body.to.paragraphs).toEqual(await versionParagraphs(plenum.database.db, a.at(-1)!.id))
  })

  test('the freeze takes a version of every base text, as it froze, naming who typed just before', async () => {
    const writer = await open(proposal(4).docName, alice)
    await type(writer, 'La dernière phrase avant le gel.')
    // Typing is refused once frozen: the editor goes before the freeze.
    writer.destroy()
    const frozen = await api('POST', `/api/congresses/${congressId}/freeze`, bureau)
    expect(frozen.status).toBe(200)
    const preamble = (await api<TextHistoryView>('GET', `/api/congresses/${congressId}/preamble/versions`, alice)).body
    expect(preamble.versions.at(-1)).toMatchObject({ event: 'phase', phase: 'frozen' })
    for (const p of plenum.seed.proposals) {
      const last = (await textVersions(plenum.database.db, p.docName)).at(-1)!
      expect(last).toMatchObject({ event: 'phase', phase: 'frozen' })
      expect(await versionParagraphs(plenum.database.db, last.id)).toEqual(await storedParagraphs(p.docName))
    }
    expect((await history(4)).versions.at(-1)!.typists).toEqual(['Alice Martin'])
  })
})
