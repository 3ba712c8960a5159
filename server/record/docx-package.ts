import { Packer, type Document } from 'docx'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import { deterministicZip } from '../seal/deterministic-zip.ts'

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A docx document's bytes, the same for the same document: docx dates the core properties and the
 * zip entries with the clock, so the core properties are dated `iso` here (and given the
 * document's language, which docx does not write), and the parts zipped again, each dated `iso`,
 * [Content_Types].xml first as Word writes it. `tableCaptions`, one per table in document order,
 * become the tables' alternative text (w:tblCaption, last of w:tblPr as the schema orders it),
 * which docx does not write either and Word's accessibility checker asks for.
 */
export async function packDocx(document: Document, iso: string, lang: string, tableCaptions: readonly string[] = []): Promise<Uint8Array> {
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(document)))
  const body = parts['word/document.xml']
  if (body && tableCaptions.length > 0) {
    let table = 0
    parts['word/document.xml'] = strToU8(strFromU8(body).replace(/<\/w:tblPr>/g, (end) => (table < tableCaptions.length ? `<w:tblCaption w:val="${xml(tableCaptions[table++]!).replace(/"/g, '&quot;')}"/>${end}` : end)))
  }
  const date = `${new Date(iso).toISOString().split('.')[0]}Z`
  const core = parts['docProps/core.xml']
  if (!core) throw new Error('docx wrote no docProps/core.xml')
  parts['docProps/core.xml'] = strToU8(
    strFromU8(core)
      .replace(/(<dcterms:(created|modified) [^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${date}$3`)
      .replace('</cp:coreProperties>', `<dc:language>${xml(lang)}</dc:language></cp:coreProperties>`),
  )
  const names = Object.keys(parts).sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'))
  return deterministicZip(
    names.map((name) => ({ name, data: parts[name]! })),
    iso,
  )
}
