import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, test, vi } from 'vitest'
import type { RecordDocument, RecordLine } from '../../shared/record/record-document.ts'
import { renderRecordMarkdown } from '../../shared/record/render-record-markdown.ts'
import { renderRecordDocx } from '../../server/record/render-record-docx.ts'
import { renderRecordOdt } from '../../server/record/render-record-odt.ts'
import { renderRecordPdf } from '../../server/record/render-record-pdf.ts'
import { convertedText, convertWithLibreOffice } from '../helpers/libreoffice.ts'
import { pdfFontList, pdfInfo, pdfStructure, pdfXmp, unmarkedPainting } from '../helpers/pdf-structure.ts'
import { fixtureTexts, recordFixture } from '../helpers/record-fixture.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

const artifacts = join(import.meta.dirname, '..', 'artifacts')
const collapse = (text: string) => text.replace(/\s+/g, ' ')

/** Renders every format with the clock set to `now`: none may depend on it. */
async function renderAll(now: string) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(now))
  try {
    return {
      pdf: new Uint8Array(await renderRecordPdf(recordFixture)),
      docx: await renderRecordDocx(recordFixture),
      odt: renderRecordOdt(recordFixture),
      md: new TextEncoder().encode(renderRecordMarkdown(recordFixture)),
    }
  } finally {
    vi.useRealTimers()
  }
}

describe('the record’s documents in every format, from one RecordDocument', () => {
  const work = makeTempDir('plenum-record-')
  afterAll(() => work.remove())
  const path = (name: string) => join(work.path, name)

  test('each format is the same bytes when rendered again, whatever the clock says', async () => {
    const first = await renderAll('2031-05-06T07:08:09Z')
    const second = await renderAll('2040-12-31T23:59:59Z')
    for (const format of ['pdf', 'docx', 'odt', 'md'] as const) expect(Buffer.from(second[format]).equals(Buffer.from(first[format])), format).toBe(true)
    for (const [format, data] of Object.entries(first)) writeFileSync(path(`record-${format}.${format}`), data)
    // And in another process, on the other side of the world: the same bytes (nothing kept from an
    // earlier document, nothing from the host's time zone).
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../helpers/record-render-child.ts', import.meta.url)), work.path], { encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Auckland' } })
    expect(child.status, child.stderr).toBe(0)
    for (const format of ['pdf', 'docx', 'odt', 'md'] as const) expect(readFileSync(path(`child.${format}`)).equals(Buffer.from(first[format])), `${format} in another process`).toBe(true)
  })

  test('the PDF is tagged PDF/A-2a: headings, paragraphs, list, table in reading order, /Lang, fonts embedded, metadata in the XMP', () => {
    const pdf = path('record-pdf.pdf')
    const info = pdfInfo(pdf)
    expect(info.Tagged).toBe('yes')
    expect(info['PDF version']).toBe('1.7')
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28/) // landscape: the table sets three texts side by side
    expect(info.Title).toBe(recordFixture.title)
    expect(info.Author).toBe(recordFixture.author)
    expect(info.Subject).toBe(recordFixture.subject)
    expect(info.CreationDate).toMatch(/Mar 14 17:45:00 2026/)

    const tree = pdfStructure(pdf)
    expect(tree[0]?.tag).toBe('Document')
    expect(tree.filter((n) => n.depth === 1).map((n) => `${n.tag} ${collapse(n.text)}`.trim())).toEqual([
      `H1 ${recordFixture.title}`,
      'H2 Séance du 14 mars 2026',
      'P La séance est ouverte à 9 h 30 sous la présidence de Mme Anne Présidente, assistée du bureau.',
      'H3 Présents et pouvoirs',
      'L',
      'H4 Proposition 1 — Le très haut débit partout',
      // Numbered lines: one P per paragraph of the text, its lines joined, the numbers left out (artifacts).
      'P L’État garantit à chaque commune un accès au très haut débit avant 2030, et publie chaque année la carte des zones blanches & des « <zones grises> ».',
      'P Les collectivités sont associées au suivi du déploiement.',
      'P Scrutin n° 3 : pour 31, contre 9, abstention 2. Adopté à la majorité simple.',
      'H2 Tableau comparatif',
      'Table',
      'P La séance est levée à 18 h.',
    ])
    expect(tree.filter((n) => n.tag === 'LBody').map((n) => n.text)).toEqual(recordFixture.blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.map((r) => r.text).join('')) : [])))
    expect(tree.filter((n) => n.tag === 'Lbl')).toHaveLength(3)
    // The table: its caption, a header row of three column headers, then rows of cells read left to right.
    const table = tree.slice(tree.findIndex((n) => n.tag === 'Table'))
    expect(table[1]).toMatchObject({ tag: 'Caption', text: 'Proposition 1 : texte de base, amendement P1-A1 (adopté) et texte adopté' })
    const ths = table.filter((n) => n.tag === 'TH')
    expect(ths.map((n) => n.text)).toEqual(['Texte de base', 'Amendement P1-A1 (adopté)', 'Texte adopté'])
    for (const th of ths) expect(th.lines).toContain('/Scope /Column')
    expect(table.filter((n) => n.tag === 'TR')).toHaveLength(3)
    expect(table.filter((n) => n.tag === 'TD')).toHaveLength(6)
    const cellParagraphs = table.filter((n) => n.tag === 'P' && n.depth === 4).map((n) => collapse(n.text))
    expect(cellParagraphs).toContain('L’État garantit à chaque commune et à chaque école un accès au très haut débit avant 20302028, et publie chaque année la carte des zones blanches & des « <zones grises> ».')
    expect(cellParagraphs).toContain('Un observatoire indépendant en rend compte chaque semestre.')
    expect(cellParagraphs.at(-1)).toBe('Avis du bureau : favorable.')

    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-']).toString('latin1')
    expect(raw).toContain('/Lang (fr-FR)')
    expect(raw).toMatch(/\/Marked true/)
    expect(raw).toMatch(/\/S \/GTS_PDFA1/) // the sRGB output intent PDF/A requires
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0)
    expect(unmarkedPainting(pdf)).toEqual([]) // all tagged or artifact (line numbers, rules, page numbers)
    const fonts = pdfFontList(pdf)
    expect(fonts.length).toBeGreaterThanOrEqual(3)
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, unicode: true })

    const xmp = pdfXmp(pdf)
    writeFileSync(path('xmp.xml'), xmp.replace(/^<\?xpacket[^>]*\?>|<\?xpacket[^>]*\?>$/g, ''))
    const lint = spawnSync('xmllint', ['--noout', path('xmp.xml')], { encoding: 'utf8' })
    expect(lint.status, lint.stderr).toBe(0)
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>')
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>')
    expect(xmp).toContain('<rdf:li>Villes Internet &amp; associés</rdf:li>')
    expect(xmp).toContain('<xmp:CreateDate>2026-03-14T17:45:00Z</xmp:CreateDate>')
    expect(xmp).toContain('<xmp:ModifyDate>2026-03-14T17:45:00Z</xmp:ModifyDate>')
    expect(xmp).toContain('<rdf:li>fr-FR</rdf:li>')

    mkdirSync(artifacts, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'record-fixture-pdf')])
  })

  test('a table row taller than a page runs on over pages, its header row repeated as an artifact, its cells read whole and in order', async () => {
    const sentence = (i: number) => `Paragraphe ${i} : les collectivités et l’État s’engagent à garantir un accès équitable aux services numériques et à publier leurs données.`
    const lines = (count: number): RecordLine[] => Array.from({ length: count }, (_, i) => ({ number: i + 1, paragraphStart: true, runs: [{ text: sentence(i + 1) }] }))
    const tall: RecordDocument = {
      ...recordFixture,
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'Avant le tableau.' }] },
        {
          kind: 'table',
          caption: 'Une ligne plus haute qu’une page',
          columns: [{ title: 'Base', width: 0.34 }, { title: 'Amendement', width: 0.33 }, { title: 'Adopté', width: 0.33 }],
          rows: [[{ kind: 'lines', lines: lines(40) }, { kind: 'lines', lines: lines(25) }, { kind: 'runs', paragraphs: [[{ text: 'court' }]] }], [{ kind: 'runs', paragraphs: [[{ text: 'ligne suivante' }]] }, { kind: 'runs', paragraphs: [] }, { kind: 'runs', paragraphs: [[{ text: 'fin' }]] }]],
        },
        { kind: 'paragraph', runs: [{ text: 'Après le tableau.' }] },
      ],
    }
    writeFileSync(path('tall.pdf'), await renderRecordPdf(tall))
    expect(Number(pdfInfo(path('tall.pdf')).Pages)).toBeGreaterThanOrEqual(3)
    const tree = pdfStructure(path('tall.pdf'))
    expect(tree.filter((n) => n.tag === 'TH').map((n) => n.text)).toEqual(['Base', 'Amendement', 'Adopté']) // once, however many pages
    const cells = tree.filter((n) => n.tag === 'TD').map((td) => tree.slice(tree.indexOf(td) + 1).filter((n, k, rest) => rest.slice(0, k).every((m) => m.depth > td.depth) && n.depth > td.depth).map((n) => n.text))
    expect(cells[0]).toEqual(Array.from({ length: 40 }, (_, i) => sentence(i + 1)))
    expect(cells[1]).toEqual(Array.from({ length: 25 }, (_, i) => sentence(i + 1)))
    expect(cells.slice(2)).toEqual([['court'], ['ligne suivante'], [], ['fin']])
    expect(tree.filter((n) => n.depth === 1).map((n) => n.tag)).toEqual(['H1', 'P', 'Table', 'P'])
    expect(tree.at(-1)?.text).toBe('Après le tableau.')
    expect(unmarkedPainting(path('tall.pdf'))).toEqual([])
    mkdirSync(artifacts, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', path('tall.pdf'), join(artifacts, 'record-tall-table-page-2')])
  })

  test('a document that is not archival is tagged but claims no PDF/A', async () => {
    writeFileSync(path('plain.pdf'), await renderRecordPdf({ ...recordFixture, blocks: recordFixture.blocks.filter((b) => b.kind !== 'table') }, { archival: false }))
    expect(pdfInfo(path('plain.pdf'))).toMatchObject({ Tagged: 'yes', 'Page size': expect.stringMatching(/^595\.28 x 841\.89/) })
    expect(pdfXmp(path('plain.pdf'))).not.toContain('pdfaid')
  })

  test('the DOCX and the ODT open in LibreOffice with every heading, paragraph, item and cell; their metadata say what the document is', () => {
    const [docxText, odtText] = convertWithLibreOffice([path('record-docx.docx'), path('record-odt.odt')], 'txt', work.path).map(convertedText)
    for (const text of fixtureTexts()) {
      expect.soft(docxText, `docx: ${text}`).toContain(collapse(text))
      expect.soft(odtText, `odt: ${text}`).toContain(collapse(text))
    }

    const docx = unzipSync(new Uint8Array(readFileSync(path('record-docx.docx'))))
    expect(Object.keys(docx)[0]).toBe('[Content_Types].xml')
    for (const [name, data] of Object.entries(docx).filter(([n]) => /\.(xml|rels)$/.test(n))) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: data, encoding: 'utf8' })
      expect.soft(lint.status, `${name}: ${lint.stderr}`).toBe(0)
    }
    const core = strFromU8(docx['docProps/core.xml']!)
    expect(core).toContain('<dc:title>Congrès national des élus au numérique — procès-verbal</dc:title>')
    expect(core).toContain('<dc:creator>Villes Internet &amp; associés</dc:creator>')
    expect(core).toContain('<dc:subject>Procès-verbal du congrès</dc:subject>')
    expect(core).toContain('<dc:language>fr-FR</dc:language>')
    expect(core).toMatch(/<dcterms:created [^>]*>2026-03-14T17:45:00Z<\/dcterms:created>/)
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-03-14T17:45:00Z<\/dcterms:modified>/)
    const document = strFromU8(docx['word/document.xml']!)
    expect(document).toContain('<w:pStyle w:val="Heading1"/>')
    expect(document).toContain('<w:tblHeader/>')
    expect(document).toMatch(/<w:tblCaption w:val="Proposition 1 : texte de base, amendement P1-A1 \(adopté\) et texte adopté"\/><\/w:tblPr>/)
    expect(document).toMatch(/<w:u w:val="single"\/>.*?et à chaque école/)
    expect(document).toMatch(/<w:strike\/>.*?2030/)

    const odt = unzipSync(new Uint8Array(readFileSync(path('record-odt.odt'))))
    for (const part of ['content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: odt[part]!, encoding: 'utf8' })
      expect.soft(lint.status, `${part}: ${lint.stderr}`).toBe(0)
    }
    const meta = strFromU8(odt['meta.xml']!)
    expect(meta).toContain('<dc:language>fr-FR</dc:language>')
    expect(meta).toContain('<meta:initial-creator>Villes Internet &amp; associés</meta:initial-creator>')
    expect(meta).toContain('<meta:creation-date>2026-03-14T17:45:00</meta:creation-date>')
    const content = strFromU8(odt['content.xml']!)
    expect(content).toContain('<table:table-header-rows>')
    expect(content).toContain('<text:span text:style-name="Inserted">et à chaque école </text:span>')
    expect(content).toContain('<text:span text:style-name="Deleted">2030</text:span>')
  }, 120_000)

  test('control characters and markup in the metadata and texts leave every format readable', async () => {
    const nasty = { ...recordFixture, title: 'Titre\u0001 <b>&amp; « x »\u000B', author: 'Fédération\u0000 & co', subject: 'Sujet ]]> --', blocks: [{ kind: 'paragraph' as const, runs: [{ text: 'Avant\u0007 après \uffff <w:t>' }] }] }
    writeFileSync(path('nasty.pdf'), await renderRecordPdf(nasty))
    writeFileSync(path('nasty-xmp.xml'), pdfXmp(path('nasty.pdf')).replace(/^<\?xpacket[^>]*\?>|<\?xpacket[^>]*\?>$/g, ''))
    const parts: [string, Uint8Array][] = [['xmp', readFileSync(path('nasty-xmp.xml'))]]
    const docx = unzipSync(await renderRecordDocx(nasty))
    const odt = unzipSync(renderRecordOdt(nasty))
    parts.push(['docx core', docx['docProps/core.xml']!], ['docx document', docx['word/document.xml']!], ['odt meta', odt['meta.xml']!], ['odt content', odt['content.xml']!], ['odt styles', odt['styles.xml']!])
    for (const [name, data] of parts) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: data, encoding: 'utf8' })
      expect.soft(lint.status, `${name}: ${lint.stderr}`).toBe(0)
    }
    expect(pdfInfo(path('nasty.pdf')).Title).toBe('Titre\ufffd <b>&amp; « x »')
    expect(pdfStructure(path('nasty.pdf')).find((n) => n.tag === 'P')?.text).toBe('Avant\ufffd après \ufffd <w:t>')
    const md = renderRecordMarkdown(nasty)
    expect(md.split('-->')).toHaveLength(2) // the metadata comment closes once, where it should
  })

  test('the Markdown is CommonMark: the title and the headings as headings, the marks, every text', () => {
    const md = renderRecordMarkdown(recordFixture)
    const html = spawnSync('cmark', ['--unsafe'], { input: md, encoding: 'utf8' }).stdout
    const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map(([, level, text]) => `${level} ${text}`)
    expect(headings).toEqual([`1 ${recordFixture.title}`, '2 Séance du 14 mars 2026', '3 Présents et pouvoirs', '4 Proposition 1 — Le très haut débit partout', '2 Tableau comparatif'])
    expect(html).toContain('<strong>Mme Anne Présidente</strong>')
    expect(html).toContain('<em>bureau</em>')
    expect(html).toContain('<ins>et à chaque école</ins>')
    expect(html).toContain('<del>2030</del><ins>2028</ins>')
    expect(html).not.toMatch(/<(pre|blockquote|ol|h[5-6])\b/)
    const text = collapse(html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"'))
    for (const expected of fixtureTexts()) expect.soft(text, expected).toContain(collapse(expected))
    // The metadata, in a comment no reader shows.
    expect(md.startsWith('<!--\ntitle: Congrès national des élus au numérique — procès-verbal\n')).toBe(true)
    expect(html.startsWith('<!--\ntitle:')).toBe(true) // an HTML comment block: no browser shows it
    expect(html.replace(/<!--[\s\S]*?-->/, '')).not.toContain('subject:')
  })
})
