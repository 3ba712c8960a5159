// The history's cost on disk for a congress day (issue 19, point 6): the preamble and 29 proposals,
// a day's typing into each (keystrokes stored one per turn, as a room stores them at typing speed,
// the log compacted as a room compacts it), a version after each pause in typing, two phase
// changes, merges. Beside it, what bounds it: the texts' own compacted states (the least any
// storage holds) and a full copy per version (what the deltas avoid); and the SQLite file after
// the same day without any version (VACUUMed both). In process, on real SQLite files.
// Part of `npm run bench` (the second table); alone: `npx tsx tests/bench/text-history.ts`.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { openDatabase, type SqliteHandle } from '../../db/sqlite/open.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { recordPhaseVersions, recordVersion, textVersions, versionDoc, versionParagraphs, type VersionTexts } from '../../server/history/text-versions.ts'
import { seedDemo } from '../../server/services/seed-demo.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import type { ScaleRow } from './scale.ts'
import { median } from './stats.ts'

export const historySizes = {
  /** Keystrokes per text in the day's drafting (BENCH_HISTORY_KEYSTROKES: fewer, to try the harness). */
  keystrokes: Number(process.env.BENCH_HISTORY_KEYSTROKES ?? 3_000),
  /** Keystrokes between two pauses in typing: a version each. */
  burst: 200,
  /** Texts that take merged amendments, and how many each. */
  mergedTexts: 10,
  mergesPerText: 3,
}

interface DayFigures {
  readonly texts: number
  readonly keystrokes: number
  readonly versions: number
  readonly versionBytes: number
  readonly fullCopyBytes: number
  readonly stateBytes: number
  readonly textChars: number
  readonly fileBytes: number
  readonly versionMs: readonly number[]
  readonly rebuildMs: readonly number[]
}

/** One congress day on a fresh SQLite file; with `history` false, the same keystrokes and no version. */
async function congressDay(dir: string, history: boolean, sizes = historySizes): Promise<DayFigures> {
  const database = (await openDatabase(join(dir, history ? 'with-history.db' : 'without-history.db'))) as SqliteHandle
  const { db } = database
  // Texts read as the document log holds them (the state with its log folded in), as a version reads them.
  const fromLog: VersionTexts = { readStored: (name, trx) => database.documents.readInTransaction(trx, name) }
  const storedText = async (name: string) => {
    const stored = await database.documents.load(name)
    return stored && (stored.updates.length === 0 ? stored.state : Y.mergeUpdates([stored.state, ...stored.updates]))
  }
  try {
    const seed = await seedDemo(db, 1_000)
    const congress = await db.selectFrom('congresses').select('preamble_doc').where('id', '=', seed.congressId).executeTakeFirstOrThrow()
    const typist = await db.selectFrom('participants').select('id').where('congress_id', '=', seed.congressId).executeTakeFirstOrThrow()
    const texts = [congress.preamble_doc, ...seed.proposals.map((p) => p.docName)]
    const premise = { congressId: seed.congressId, phase: 'drafting' as const }
    const versionMs: number[] = []
    let now = 10_000
    let random = 12_345
    const next = () => ((random = (random * 16_807) % 2_147_483_647) / 2_147_483_647)
    const words = 'le numérique public accessible à tous les habitants du territoire avec un médiateur formé '.split(' ')
    const take = async (docName: string, event: 'pause' | 'merge') => {
      if (!history) return
      await db.insertInto('text_typing').values({ doc_name: docName, participant_id: typist.id, typed_at: now }).onConflict((oc) => oc.columns(['doc_name', 'participant_id']).doUpdateSet({ typed_at: now })).execute()
      const started = performance.now()
      await db.transaction().execute((trx) => recordVersion(trx, fromLog, { docName, event, now: ++now }))
      versionMs.push(performance.now() - started)
    }

    for (const [t, docName] of texts.entries()) {
      const doc = new Y.Doc()
      doc.clientID = 1_000 + t
      Y.applyUpdate(doc, (await storedText(docName))!)
      let stateBytes = (await database.documents.size(docName)).stateBytes
      let logBytes = 0
      doc.on('update', (update: Uint8Array) => {
        now += 300
        void database.documents.append(docName, update, now, premise)
        logBytes += update.byteLength
        // As a room does: the log folded into the state once it outweighs it.
        if (logBytes > stateBytes) {
          void database.documents.compact(docName, now).then((c) => (stateBytes = c.stateBytes))
          logBytes = 0
        }
      })
      const blocks = () => doc.getXmlFragment(docField).toArray().filter((b): b is Y.XmlElement => b instanceof Y.XmlElement)
      // Typing goes on where the caret is; now and then the typist clicks elsewhere in the text.
      let text = blocks().at(-1)!.get(0) as Y.XmlText
      let cursor = text.length
      for (let k = 1; k <= sizes.keystrokes; k++) {
        const roll = next()
        if (roll < 0.02) {
          const all = blocks()
          text = all[Math.floor(next() * all.length)]!.get(0) as Y.XmlText
          cursor = Math.floor(next() * (text.length + 1))
        }
        cursor = Math.min(cursor, text.length)
        // 85 % letters, 10 % backspaces, 1 % a selection retyped (a few words deleted).
        if (roll < 0.85 || text.length < 30) {
          const word = words[Math.floor(next() * words.length)]!
          text.insert(cursor, `${word.slice(0, 1)}`)
          cursor += 1
        } else if (roll < 0.95) {
          if (cursor > 0) text.delete(--cursor, 1)
        } else if (roll < 0.96) {
          const from = Math.floor(next() * (text.length - 25))
          text.delete(from, 5 + Math.floor(next() * 20))
          cursor = from
        }
        // A new paragraph now and then.
        if (k % 600 === 0) {
          const block = new Y.XmlElement('paragraph')
          block.insert(0, [new Y.XmlText('')])
          doc.getXmlFragment(docField).push([block])
          text = block.get(0) as Y.XmlText
          cursor = 0
        }
        if (k % sizes.burst === 0) {
          now += 90_000
          await take(docName, 'pause')
        }
      }
      doc.destroy()
    }
    if (history) await db.transaction().execute((trx) => recordPhaseVersions(trx, fromLog, seed.congressId, 'amendments', ++now, null))
    // Merged amendments: a few words changed by the server, a version of the target each.
    for (const docName of texts.slice(1, 1 + sizes.mergedTexts)) {
      for (let m = 0; m < sizes.mergesPerText; m++) {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, (await storedText(docName))!)
        const before = Y.encodeStateVector(doc)
        const text = (doc.getXmlFragment(docField).get(0) as Y.XmlElement).get(0) as Y.XmlText
        text.delete(0, Math.min(12, text.length))
        text.insert(0, 'Chaque commune ')
        await database.documents.append(docName, Y.encodeStateAsUpdate(doc, before), ++now, { congressId: seed.congressId, phase: 'drafting' })
        doc.destroy()
        await take(docName, 'merge')
      }
    }
    if (history) await db.transaction().execute((trx) => recordPhaseVersions(trx, fromLog, seed.congressId, 'voting', ++now, null))
    for (const docName of texts) await database.documents.compact(docName, ++now)

    let versions = 0
    let versionBytes = 0
    let fullCopyBytes = 0
    let stateBytes = 0
    let textChars = 0
    const rebuildMs: number[] = []
    for (const docName of texts) {
      const rows = await db.selectFrom('text_versions').select(['delta']).where('doc_name', '=', docName).execute()
      versions += rows.length
      versionBytes += rows.reduce((sum, r) => sum + r.delta.byteLength, 0)
      const state = (await storedText(docName))!
      stateBytes += state.byteLength
      const list = await textVersions(db, docName)
      for (const v of list) {
        const started = performance.now()
        await versionParagraphs(db, v.id)
        if (v === list.at(-1)) rebuildMs.push(performance.now() - started)
        // A full copy of that version, as a store of snapshots would keep it: its whole state (gc).
        const copy = (await versionDoc(db, v.id))!
        fullCopyBytes += Y.encodeStateAsUpdate(copy).byteLength
        copy.destroy()
      }
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      textChars += doc.getXmlFragment(docField).toString().length
      doc.destroy()
    }
    database.sqlite.exec('VACUUM')
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const file = join(dir, history ? 'with-history.db' : 'without-history.db')
    return { texts: texts.length, keystrokes: texts.length * sizes.keystrokes, versions, versionBytes, fullCopyBytes, stateBytes, textChars, fileBytes: statSync(file).size, versionMs, rebuildMs }
  } finally {
    await database.close()
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`
const x = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`)

/** The rows of the second table: the history's cost beside what bounds it. */
export async function measureTextHistory(log: (text: string) => void, sizes = historySizes): Promise<{ rows: ScaleRow[]; figures: DayFigures }> {
  const dir = makeTempDir('plenum-bench-history-')
  try {
    log(`history: a congress day, ${sizes.keystrokes.toLocaleString('en-US')} keystrokes into each of 30 texts, with versions`)
    const day = await congressDay(dir.path, true, sizes)
    log('history: the same day without versions')
    const bare = await congressDay(dir.path, false, sizes)
    const rows: ScaleRow[] = [
      {
        measure: `Text history, a congress day (${day.texts} texts, ${day.keystrokes.toLocaleString('en-US')} keystrokes, ${day.versions} versions): bytes of the versions, beside the texts’ own compacted states`,
        figure: kb(day.versionBytes),
        beside: kb(day.stateBytes),
        ratio: x(day.versionBytes, day.stateBytes),
        target: 'a small multiple of the texts',
      },
      { measure: '· the same versions, each as a full copy of its text', figure: kb(day.versionBytes), beside: kb(day.fullCopyBytes), ratio: x(day.versionBytes, day.fullCopyBytes), target: '' },
      { measure: '· the SQLite file after that day, VACUUMed, beside the same day with no version', figure: kb(day.fileBytes), beside: kb(bare.fileBytes), ratio: x(day.fileBytes, bare.fileBytes), target: '' },
      { measure: '· taking one version (median, p100)', figure: `${median([...day.versionMs]).toFixed(1)} ms`, beside: `${Math.max(...day.versionMs).toFixed(1)} ms`, ratio: '', target: '' },
      { measure: '· reading a text’s last version (all its deltas applied), median', figure: `${median([...day.rebuildMs]).toFixed(1)} ms`, beside: '', ratio: '', target: '' },
    ]
    return { rows, figures: day }
  } finally {
    dir.remove()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, figures } = await measureTextHistory((text) => console.log(`[bench] ${text}`))
  console.log(`\n| measure | Plenum | beside it, same run | ratio | target |\n| --- | ---: | ---: | ---: | --- |`)
  for (const r of rows) console.log(`| ${r.measure} | ${r.figure} | ${r.beside} | ${r.ratio} | ${r.target} |`)
  console.log(`\nThe texts at the end: ${figures.textChars.toLocaleString('en-US')} characters of markup in all.`)
}
