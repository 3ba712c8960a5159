import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { sha256Hex } from '../../server/seal/bundle.ts'
import { loadOrCreateKeys, signBytes } from '../../server/seal/keys.ts'
import { bundleFilesByFormat, verifyBundle } from '../../server/seal/verify-bundle.ts'
import type { FiledAmendmentView } from '../../shared/api-types.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { replaceText } from '../helpers/text-edit.ts'
import { convertedText, convertWithLibreOffice } from '../helpers/libreoffice.ts'
import { pdfInfo, pdfStructure } from '../helpers/pdf-structure.ts'
import { runRecordDay, recordText, type RecordDay } from '../helpers/record-day.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** The minutes and the comparative table as the bureau previews them and members read them, from a real congress day. */
describe('the record: minutes and comparative table', () => {
  let plenum: TestServer
  let day: RecordDay
  const record = (what: 'minutes' | 'comparative', token: string, lang = 'fr') => call<RecordDocument>(plenum, token, 'GET', `/congresses/${plenum.seed.congressId}/record/${what}?lang=${lang}`)

  beforeAll(async () => {
    plenum = await startTestServer()
    day = await runRecordDay(plenum)
  })
  const work = makeTempDir('plenum-record-')
  afterAll(async () => {
    await plenum.close()
    work.remove()
  })

  test('the minutes tell every ballot with its rule and counts, every fallen, withdrawn and inadmissible amendment with its reason, and the speeches', async () => {
    const answer = await record('minutes', day.bureau)
    expect(answer.status).toBe(200)
    const text = recordText(answer.body)
    expect(answer.body).toMatchObject({ lang: 'fr', subject: 'Procès-verbal du congrès' })
    expect(text).toMatch(/Projet établi le \d+ \S+ \d{4}, \d+ h \d\d, avant le gel/)
    // Three ballots, in the order they closed, each with its rule and its counts (2 for, 1 abstention; then 2 against).
    expect(text).toContain('Scrutin n° 1 — Amendement P2-A1')
    expect(text).toContain('Scrutin n° 2 — Amendement P2-A4')
    expect(text).toContain('Scrutin n° 3 — Proposition 2')
    expect(text.match(/Règle : majorité simple des suffrages exprimés, sans quorum, vote secret/g)).toHaveLength(3)
    expect(text.match(/Pour 2, contre 0, abstentions 1 ; suffrages exprimés 2/g)).toHaveLength(2)
    expect(text).toContain('Pour 0, contre 2, abstentions 1 ; suffrages exprimés 2')
    expect(text).toContain('Inscrits ')
    // Each amendment with its fate, in the order the assembly took them.
    const p2 = text.slice(text.indexOf('Proposition 2 —'), text.indexOf('Proposition 3 —'))
    expect(p2).toMatch(/P2-A1 \| Élodie Bézier \| Favorable \| Adopté le/)
    expect(p2).toMatch(/P2-A2 \| Marc Aubert \| — \| Tombé le [^|]*, du fait de l’adoption de P2-A1/)
    expect(p2).toMatch(/P2-A3 \| Zoé Nguyen \| — \| Adopté le [^|]* avec P2-A1, identique/)
    expect(p2).toMatch(/P2-A4 \| Élodie Bézier \| — \| Rejeté le/)
    expect(p2).toMatch(/P2-A4-S1 \| Anne Autrice \| — \| Tombé le [^|]*, avec P2-A4\n/)
    expect(p2.indexOf('P2-A1 |')).toBeLessThan(p2.indexOf('P2-A4 |'))
    expect(p2).toMatch(/\d+ h \d\d — Anne Autrice, pour \(\d+ s\)/)
    expect(p2).toContain('La proposition est adoptée.')
    const p1 = text.slice(text.indexOf('Proposition 1 —'), text.indexOf('Proposition 2 —'))
    expect(p1).toMatch(/P1-A1 \| Anne Autrice \| — \| Retiré par ses auteurs le/)
    expect(p1).toMatch(/P1-A2 \| Anne Autrice \| — \| Déclaré irrecevable le [^|]* : Sans rapport avec la proposition\./)
    expect(p1).toContain('La proposition n’a pas été mise aux voix.')
    // Who sat: the voters checked in, by role.
    expect(text).toMatch(/3 présents \(2 participants et 1 délégué\)\./)
    expect(text).toContain('Anne Autrice, Bruno Votant, Chloé Votante.')
    expect(text).toMatch(/phase : rédaction → amendements/)
    expect(text).toContain('La motion n’est pas encore gelée.')
  })

  test('the English minutes say the same in English', async () => {
    const text = recordText((await record('minutes', day.bureau, 'en')).body)
    expect(text).toContain('Ballot 1 — ')
    expect(text).toMatch(/P2-A2 \| Marc Aubert \| — \| Fell on [^|]*, as P2-A1 was adopted/)
    expect(text).toContain('Yes 2, no 0, abstentions 1; votes expressed 2')
    expect(text).toContain('The motion is not frozen yet.')
  })

  test('the minutes are the bureau’s; the comparative table is every member’s; a bad language is a 400', async () => {
    expect((await record('minutes', day.voters[0]!.token)).status).toBe(403)
    expect((await record('comparative', day.voters[1]!.token)).status).toBe(200)
    // The same as files to download, in either language.
    for (const [what, token, query, type, name] of [
      ['minutes', day.bureau, 'lang=en&format=pdf', 'application/pdf', 'proces-verbal.en.pdf'],
      ['comparative', day.voters[1]!.token, 'format=docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'tableau-comparatif.docx'],
      ['comparative', day.voters[1]!.token, 'format=md', 'text/markdown; charset=utf-8', 'tableau-comparatif.md'],
    ] as const) {
      const file = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/record/${what}?${query}`, { headers: { authorization: `Bearer ${token}` } })
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe(type)
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`)
      const bytes = new Uint8Array(await file.arrayBuffer())
      if (query.endsWith('md')) expect(strFromU8(bytes)).toContain('P2-A2')
      else expect(bytes.length).toBeGreaterThan(1000)
    }
    expect((await call(plenum, day.bureau, 'GET', `/congresses/${plenum.seed.congressId}/record/minutes?format=exe`)).body).toMatchObject({ error: { code: 'bad_request' } })
    const bad = await record('comparative', day.bureau, 'de')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { code: 'bad_request' } })
  })

  test('the comparative table sets the text as put to amendment, each amendment’s changes and the text as it stands side by side, on the same line numbers', async () => {
    const answer = await record('comparative', day.voters[0]!.token)
    expect(answer.status).toBe(200)
    const doc = answer.body
    const tables = doc.blocks.filter((b) => b.kind === 'table')
    expect(tables).toHaveLength(plenum.seed.proposals.length + 1)
    const p2 = tables.find((t) => t.kind === 'table' && t.caption.startsWith('Proposition 2 —'))!
    if (p2.kind !== 'table') throw new Error('not a table')
    expect(p2.columns.map((c) => c.title)).toEqual(['Texte soumis aux amendements', 'Amendements', 'Texte à ce jour'])
    const [base, amendments, final] = p2.rows[0]!
    const lines = (cell: typeof base) => (cell!.kind === 'lines' ? cell!.lines : [])
    // The base: line 1 as printed, without the adopted words.
    expect(lines(base)[0]).toMatchObject({ number: 1 })
    expect(lines(base).map((l) => l.runs.map((r) => r.text).join('')).join(' ')).not.toContain('ou sociale')
    // The amendments, each with its fate and only the lines it changes.
    const told = recordText({ ...doc, blocks: [p2] })
    expect(told).toMatch(/P2-A1 — Adopté/)
    expect(told).toMatch(/P2-A2 — Tombé, du fait de l’adoption de P2-A1/)
    expect(told).toMatch(/P2-A4 — Rejeté/)
    const told2 = lines(amendments)
    expect(told2.some((l) => l.runs.some((r) => r.mark === 'ins' && r.text.includes('ou sociale')))).toBe(true)
    // A fallen amendment reads against the text it was written on, not the text the adopted one changed.
    const a2 = told2.slice(told2.findIndex((l) => l.runs[0]?.text === 'P2-A2'), told2.findIndex((l) => l.runs[0]?.text === 'P2-A3'))
    expect(a2.flatMap((l) => l.runs).filter((r) => r.mark === 'ins' || r.mark === 'del').map((r) => [r.mark, r.text.trim()])).toEqual([['del', 'administrative proposée en ligne']])
    // The text as it stands: the adopted words marked as inserted, on line 1.
    expect(lines(final).some((l) => l.number === 1 && l.runs.some((r) => r.mark === 'ins' && r.text.includes('ou sociale')))).toBe(true)
  })

  test('an amendment written after an adoption reads on the text it was written on, and says whose adoption its line numbers follow', async () => {
    await setPhase(plenum, day.bureau, 'amendments')
    const anne = day.voters[0]!
    const filed = await call<FiledAmendmentView>(plenum, anne.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, { justification: 'Après.' })
    const editor = await connectSynced(plenum.wsUrl, filed.body.docName, anne.token, anne.name)
    replaceText(editor.doc, 'sans surcoût', 'sans aucun surcoût')
    await roundTrip(editor)
    editor.destroy()
    expect((await call(plenum, anne.token, 'POST', `/amendments/${filed.body.id}/submit`)).status).toBe(200)
    const doc = (await record('comparative', anne.token)).body
    const p2 = doc.blocks.find((b) => b.kind === 'table' && b.caption.startsWith('Proposition 2 —'))!
    const told = recordText({ ...doc, blocks: [p2] })
    expect(told).toMatch(/P2-A5 \(lignes du texte après l’adoption de P2-A[13]\) — Non examiné/)
    // Only its own change, not the adopted amendment's words again.
    const lines = told.slice(told.indexOf('P2-A5')).split('\n').slice(1, 3).join(' ')
    expect(lines).toContain('aucun')
    await setPhase(plenum, day.bureau, 'voting')
  })

  describe('sealed', () => {
    let files: Map<string, Uint8Array>
    beforeAll(async () => {
      expect((await call(plenum, day.bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
      const answer = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/bundle`, { headers: { authorization: `Bearer ${day.voters[1]!.token}` } })
      files = new Map(Object.entries(unzipSync(new Uint8Array(await answer.arrayBuffer()))).map(([name, data]) => [name.split('/').at(-1)!, data]))
    })

    test('the bundle’s minutes tell the same day, signed as frozen; its PDFs are tagged PDF/A with their headings', () => {
      expect(verifyBundle(files)).toMatchObject({ ok: true })
      // Kept for whoever reviews them (tests/artifacts is not committed).
      const artifacts = fileURLToPath(new URL('../artifacts', import.meta.url))
      mkdirSync(artifacts, { recursive: true })
      for (const name of ['minutes.pdf', 'minutes.md', 'comparative.pdf', 'comparative.docx', 'minutes.docx']) writeFileSync(join(artifacts, `record-${name}`), files.get(name)!)
      const minutes = strFromU8(files.get('minutes.md')!)
      expect(minutes).toContain('Scrutin n° 1 — Amendement P2-A1')
      expect(minutes).toMatch(/Tombé le [^|]*, du fait de l’adoption de P2-A1/)
      expect(minutes).toMatch(/La motion a été gelée le \d+ \S+ \d{4}, \d+ h \d\d par /)
      expect(minutes).not.toContain('Projet établi')
      expect(strFromU8(files.get('minutes.en.md')!)).toContain('Ballot 3 — Proposal 2')
      for (const name of ['minutes.pdf', 'minutes.en.pdf', 'comparative.pdf']) {
        const path = join(work.path, name)
        writeFileSync(path, files.get(name)!)
        expect(pdfInfo(path).Tagged, name).toBe('yes')
        expect(strFromU8(files.get(name)!)).toMatch(/pdfaid:part[>="']+2/)
        const headings = pdfStructure(path).filter((n) => /^H\d$/.test(n.tag)).map((n) => n.text)
        if (name === 'minutes.pdf') expect(headings).toEqual(expect.arrayContaining(['Scrutins', 'Scrutin n° 2 — Amendement P2-A4', 'Proposition 2 — Un guichet humain garanti pour chaque démarche dématérialisée']))
        if (name === 'comparative.pdf') expect(headings).toContain('Proposition 2 — Un guichet humain garanti pour chaque démarche dématérialisée')
      }
    }, 120_000)

    test('the minutes and the comparative table in Word and OpenDocument open in LibreOffice with every ballot and amendment', () => {
      const inputs = ['minutes.docx', 'minutes.odt', 'comparative.docx'].map((name) => {
        const path = join(work.path, name.replace('.', '-') + name.slice(name.lastIndexOf('.')))
        writeFileSync(path, files.get(name)!)
        return path
      })
      const [minutesDocx, minutesOdt, comparativeDocx] = convertWithLibreOffice(inputs, 'txt', work.path).map(convertedText)
      for (const text of [minutesDocx!, minutesOdt!]) {
        for (const n of [1, 2, 3]) expect(text).toContain(`Scrutin n° ${n} —`)
        expect(text).toContain('Pour 0, contre 2, abstentions 1')
        expect(text).toContain('du fait de l’adoption de P2-A1')
        expect(text).toContain('Sans rapport avec la proposition.')
      }
      for (const label of ['P2-A1', 'P2-A2', 'P2-A3', 'P2-A4', 'P1-A1', 'P1-A2']) expect(comparativeDocx).toContain(label)
      expect(comparativeDocx).toContain('Texte adopté')
    }, 120_000)

    test('plenum verify requires each format’s own files: a bundle of the previous format still verifies, one of this format without its minutes does not', async () => {
      const keys = loadOrCreateKeys(plenum.dataDir)
      const resigned = (format: string, names: readonly string[]) => {
        const out = new Map(names.filter((n) => n !== 'manifest.json').map((n) => [n, files.get(n)!]))
        const manifest = JSON.parse(strFromU8(files.get('manifest.json')!))
        manifest.format = format
        manifest.files = [...out].map(([name, data]) => ({ name, bytes: data.length, sha256: sha256Hex(data) }))
        out.set('manifest.json', strToU8(`${JSON.stringify(manifest)}\n`))
        const sums = strToU8([...out].map(([name, data]) => `${sha256Hex(data)}  ${name}\n`).join(''))
        out.set('SHA256SUMS', sums)
        out.set('SHA256SUMS.sig', signBytes(keys, sums))
        return out
      }
      expect(verifyBundle(resigned('plenum-bundle/2', bundleFilesByFormat['plenum-bundle/2']!))).toMatchObject({ ok: true })
      const withoutMinutes = bundleFilesByFormat['plenum-bundle/3']!.filter((n) => n !== 'minutes.pdf')
      expect(verifyBundle(resigned('plenum-bundle/3', withoutMinutes))).toMatchObject({ ok: false, failure: 'minutes.pdf: missing from the bundle and from SHA256SUMS' })
      expect(verifyBundle(resigned('plenum-bundle/9', withoutMinutes))).toMatchObject({ ok: false, failure: expect.stringContaining('manifest.json: format plenum-bundle/9') })
    })
  })
})
