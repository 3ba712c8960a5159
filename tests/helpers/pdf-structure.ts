import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** One element of a tagged PDF's structure tree, as poppler's `pdfinfo -struct-text` prints it. */
export interface StructNode {
  readonly tag: string
  readonly depth: number
  /** Its text (the quoted lines under it, joined), attributes and all its own lines. */
  readonly text: string
  readonly lines: readonly string[]
}

/** The structure tree, in reading order: every element with its depth and its text. */
export function pdfStructure(path: string): StructNode[] {
  const out = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const nodes: { tag: string; depth: number; text: string; lines: string[] }[] = []
  for (const raw of out.split('\n')) {
    if (raw.trim() === '') continue
    const depth = (raw.length - raw.trimStart().length) / 2
    const line = raw.trim()
    const element = /^([A-Za-z][A-Za-z0-9]*)(?: \(\w+\))?:?$/.exec(line)
    if (element && !line.startsWith('"')) nodes.push({ tag: element[1]!, depth, text: '', lines: [] })
    else {
      const node = nodes.at(-1)
      if (!node) continue
      node.lines.push(line)
      if (line.startsWith('"')) node.text += line.slice(1, -1)
    }
  }
  return nodes
}

/** `pdfinfo`'s fields ("Tagged", "Pages", "PDF version"…). */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Object.fromEntries(out.split('\n').flatMap((line) => (/^([^:]+):\s*(.*)$/.exec(line) ? [[line.split(':')[0]!.trim(), line.slice(line.indexOf(':') + 1).trim()]] : [])))
}

/** The fonts `pdffonts` lists: name, whether embedded, whether with a ToUnicode map. */
export function pdfFontList(path: string): { name: string; embedded: boolean; unicode: boolean }[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' })
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/)
      // … emb sub uni object ID: the three yes/no columns come before the two numbers.
      const [emb, , uni] = cols.slice(-5, -2)
      return { name: cols[0]!, embedded: emb === 'yes', unicode: uni === 'yes' }
    })
}

/** The XMP metadata packet (uncompressed, as PDF/A requires). */
export function pdfXmp(path: string): string {
  const bytes = readFileSync(path).toString('latin1')
  const start = bytes.indexOf('<?xpacket begin=')
  const end = bytes.indexOf('<?xpacket end=', start)
  if (start < 0 || end < 0) return ''
  return Buffer.from(bytes.slice(start, bytes.indexOf('?>', end) + 2), 'latin1').toString('utf8')
}

/** Decodes a PDF text string as qpdf prints it: `<feff…>` (UTF-16BE) or `(…)` (literal). */
function pdfText(raw: string): string {
  if (raw.startsWith('<')) {
    const bytes = Buffer.from(raw.slice(1, -1), 'hex')
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le')
    return bytes.toString('latin1')
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, '$1')
}

/** The alternative text of each Figure of the structure tree, in file order (null: none). */
export function pdfFigureAlts(path: string): (string | null)[] {
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 256 << 20 }).toString('latin1')
  return qdf
    .split(/\bendobj\b/)
    .filter((object) => /\/S \/Figure\b/.test(object))
    .map((object) => {
      const alt = /\/Alt (<[0-9a-fA-F]*>|\((?:[^()\\]|\\.)*\))/.exec(object)
      return alt ? pdfText(alt[1]!) : null
    })
}

/**
 * Painting operators (text shown, paths filled or stroked) outside any marked-content sequence, page
 * by page: in a tagged PDF (PDF/A-2a, PDF/UA) everything painted is either tagged content or an
 * artifact, so this is empty. Reads the content streams as qpdf's QDF form lays them out.
 */
export function unmarkedPainting(path: string): string[] {
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 256 << 20 }).toString('latin1')
  const found: string[] = []
  for (const [page, part] of qdf.split('%% Contents for page ').slice(1).entries()) {
    const stream = /stream\n([\s\S]*?)endstream/.exec(part)?.[1] ?? ''
    let depth = 0
    for (const line of stream.split('\n').map((l) => l.trim())) {
      if (/\b(BDC|BMC)$/.test(line)) depth++
      else if (line === 'EMC') depth--
      else if (depth === 0 && /(\bTj|\bTJ|\bf\*?|\bS|\bB\*?|\bs|\bb\*?|\bDo)$/.test(line)) found.push(`page ${page + 1}: ${line.slice(0, 60)}`)
    }
  }
  return found
}
