export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  readonly line: number
  readonly fields: readonly string[]
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF). The separator is `;` or `,`, whichever the header line uses: LibreOffice
 * and Excel in France write `;`. A UTF-8 byte-order mark is dropped; blank lines are skipped.
 */
export function parseCsv(text: string): { separator: ';' | ','; records: CsvRecord[] } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const headerEnd = source.search(/\r?\n|$/)
  const header = source.slice(0, headerEnd)
  const separator = count(header, ';') > count(header, ',') ? ';' : ','
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let i = 0
  const endRecord = () => {
    fields.push(field)
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }
  while (i < source.length) {
    const char = source[i]!
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        field += char
      }
      i++
      continue
    }
    if (char === '"' && field.trim() === '') {
      quoted = true
      field = ''
    } else if (char === separator) {
      fields.push(field)
      field = ''
    } else if (char === '\r' && source[i + 1] === '\n') {
      i++
      continue
    } else if (char === '\n') {
      endRecord()
      line++
      recordLine = line
    } else {
      field += char
    }
    i++
  }
  if (field !== '' || fields.length > 0) endRecord()
  return { separator, records }
}

function count(text: string, char: string): number {
  let n = 0
  for (const c of text) if (c === char) n++
  return n
}

/**
 * CSV text for a spreadsheet in France: `;`-separated, CRLF, fields quoted when needed, a leading
 * byte-order mark so Excel reads UTF-8. A field starting with = + - @, a tab or a carriage return
 * is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const field = (value: string | number) => {
    let text = String(value)
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return `\uFEFF${rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`
}
