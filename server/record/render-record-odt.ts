import type { RecordBlock, RecordCell, RecordDocument, RecordLine, RecordRun } from '../../shared/record/record-document.ts'
import { odtNamespaces, odtPackage, odtXml } from '../seal/odt-package.ts'
import { isLandscape, langTag } from './record-layout.ts'

const markStyles: Record<NonNullable<RecordRun['mark']>, string> = { strong: 'Strong_20_Emphasis', em: 'Emphasis', ins: 'Inserted', del: 'Deleted' }

// Spaces: ODF collapses runs of them unless written as <text:s/>; a run's leading space matters.
const text = (value: string) => odtXml(value).replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`).replace(/^ /, '<text:s/>')
const runs = (rs: readonly RecordRun[]) => rs.map((r) => (r.mark ? `<text:span text:style-name="${markStyles[r.mark]}">${text(r.text)}</text:span>` : text(r.text))).join('')
const p = (style: string, content: string) => `<text:p text:style-name="${style}">${content}</text:p>`
const h = (level: number, value: string) => `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${odtXml(value)}</text:h>`
const line = (l: RecordLine, style: string) => p(l.paragraphStart ? `${style}_20_first` : style, `<text:span text:style-name="Line_20_number">${l.number ?? ''}</text:span><text:tab/>${runs(l.runs)}`)

function cell(c: RecordCell | undefined): string {
  const content = !c ? '' : c.kind === 'lines' ? c.lines.map((l) => line(l, 'Cell_20_line')).join('') : c.paragraphs.map((ps) => p('Table_20_Contents', runs(ps))).join('')
  return `<table:table-cell table:style-name="Cell" office:value-type="string">${content || p('Table_20_Contents', '')}</table:table-cell>`
}

function block(b: RecordBlock, index: number, tables: string[]): string {
  switch (b.kind) {
    case 'heading':
      return h(b.level + 1, b.text)
    case 'paragraph':
      return p('Text_20_body', runs(b.runs))
    case 'list':
      return `<text:list text:style-name="Bullets">${b.items.map((item) => `<text:list-item>${p('List_20_Contents', runs(item))}</text:list-item>`).join('')}</text:list>`
    case 'lines':
      return b.lines.map((l) => line(l, 'Numbered_20_line')).join('')
    case 'table': {
      const name = `Table${index + 1}`
      tables.push(...b.columns.map((c, i) => `<style:style style:name="${name}.${i + 1}" style:family="table-column"><style:table-column-properties style:rel-column-width="${Math.round(c.width * 10000)}*"/></style:style>`))
      tables.push(`<style:style style:name="${name}" style:family="table"><style:table-properties style:width="100%" style:rel-width="100%" table:align="margins"/></style:style>`)
      const columns = b.columns.map((_, i) => `<table:table-column table:style-name="${name}.${i + 1}"/>`).join('')
      const head = `<table:table-header-rows><table:table-row>${b.columns.map((c) => `<table:table-cell table:style-name="Cell" office:value-type="string">${p('Table_20_Heading', odtXml(c.title))}</table:table-cell>`).join('')}</table:table-row></table:table-header-rows>`
      const body = b.rows.map((row) => `<table:table-row>${b.columns.map((_, i) => cell(row[i])).join('')}</table:table-row>`).join('')
      return `${p('Caption', odtXml(b.caption))}<table:table table:name="${name}" table:style-name="${name}">${columns}${head}${body}</table:table>`
    }
  }
}

function contentXml(record: RecordDocument): string {
  const tables: string[] = []
  const body = [h(1, record.title), ...record.blocks.map((b, i) => block(b, i, tables))].join('')
  const automatic = `<office:automatic-styles><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #8c8c8c"/></style:style>${tables.join('')}</office:automatic-styles>`
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${odtNamespaces}>${automatic}<office:body><office:text>${body}</office:text></office:body></office:document-content>\n`
}

const lineStyle = (name: string, size: string, indent: string) =>
  `<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties fo:margin-left="${indent}" fo:text-indent="-${indent}" fo:margin-bottom="0cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="${size}"/></style:style>` +
  `<style:style style:name="${name}_20_first" style:family="paragraph" style:parent-style-name="${name}"><style:paragraph-properties fo:margin-top="0.15cm" fo:margin-bottom="0cm"/></style:style>`

function stylesXml(record: RecordDocument): string {
  const [language, country] = langTag(record.lang).split('-')
  const landscape = isLandscape(record)
  const margin = landscape ? '1.5cm' : '2cm'
  const heading = (level: number, size: string, top: string) =>
    `<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" style:default-outline-level="${level}"><style:paragraph-properties fo:margin-top="${top}" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="${size}" fo:font-weight="bold"/></style:style>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${odtNamespaces}><office:font-face-decls><style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/></office:font-face-decls><office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Arial" fo:font-size="10pt" fo:language="${language}" fo:country="${country}"/></style:default-style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.15cm" fo:margin-bottom="0.2cm"/></style:style>
${heading(1, '16pt', '0cm')}${heading(2, '14pt', '0.5cm')}${heading(3, '12pt', '0.4cm')}${heading(4, '10.5pt', '0.3cm')}
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.05cm"/></style:style>
<style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:font-size="9.5pt"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"><style:text-properties fo:font-size="8.5pt" fo:font-weight="bold"/></style:style>
${lineStyle('Numbered_20_line', '9.5pt', '0.9cm')}${lineStyle('Cell_20_line', '8.5pt', '0.7cm')}
<style:style style:name="Line_20_number" style:display-name="Line number" style:family="text"><style:text-properties fo:font-size="7pt" fo:color="#595959"/></style:style>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Inserted" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color" fo:color="#0b5a2a"/></style:style>
<style:style style:name="Deleted" style:family="text"><style:text-properties style:text-line-through-style="solid" fo:color="#8a1c1c"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt" fo:color="#555555"/></style:style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.8cm" fo:text-indent="-0.4cm" fo:margin-left="0.8cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="${landscape ? '29.7cm' : '21cm'}" fo:page-height="${landscape ? '21cm' : '29.7cm'}" style:print-orientation="${landscape ? 'landscape' : 'portrait'}" fo:margin-top="${margin}" fo:margin-bottom="1.2cm" fo:margin-left="${margin}" fo:margin-right="${margin}"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page"><style:footer>${p('Footer', `${odtXml(record.title)} — page <text:page-number text:select-page="current"/> / <text:page-count/>`)}</style:footer></style:master-page></office:master-styles>
</office:document-styles>
`
}

function metaXml(record: RecordDocument): string {
  const date = record.date.replace(/\.\d+Z$|Z$/, '')
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${odtNamespaces}><office:meta>` +
    `<dc:title>${odtXml(record.title)}</dc:title><dc:subject>${odtXml(record.subject)}</dc:subject><meta:initial-creator>${odtXml(record.author)}</meta:initial-creator><dc:creator>${odtXml(record.author)}</dc:creator>` +
    `<dc:language>${langTag(record.lang)}</dc:language><meta:creation-date>${date}</meta:creation-date><dc:date>${date}</dc:date><meta:generator>Plenum</meta:generator>` +
    `</office:meta></office:document-meta>\n`
  )
}

/**
 * A record document as an OpenDocument text, in the style of motion.odt: the title as the first
 * Heading 1, the document's headings one level below, LibreOffice's own paragraph and list styles,
 * tables with a repeated header row, numbered lines with their numbers before a tab, insertions
 * underlined and deletions struck through; a footer "title — page n / m"; title, subject, author,
 * language and date in meta.xml. The mimetype first and stored, every entry dated the document's
 * date: the same document gives the same bytes.
 */
export function renderRecordOdt(record: RecordDocument): Uint8Array {
  return odtPackage({ content: contentXml(record), styles: stylesXml(record), meta: metaXml(record) }, record.date)
}
