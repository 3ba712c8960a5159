/** One line of SHA256SUMS, as `sha256sum` writes it: 64 hex digits, two spaces, the file name. */
export interface SumsEntry {
  readonly name: string
  readonly sha256: string
}

export type SumsParse = { readonly ok: true; readonly entries: readonly SumsEntry[] } | { readonly ok: false; readonly line: string }

/**
 * Reads SHA256SUMS strictly: the seal's own format only (text mode, plain names), so that what
 * `sha256sum -c` checks and what Plenum checks are the same list. A name given twice is refused:
 * two digests for one file would let each reader pick one.
 */
export function parseSums(text: string): SumsParse {
  const entries: SumsEntry[] = []
  const seen = new Set<string>()
  for (const line of text.split('\n')) {
    if (line === '') continue
    const match = /^([0-9a-f]{64}) {2}([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(line)
    if (!match || seen.has(match[2]!)) return { ok: false, line }
    seen.add(match[2]!)
    entries.push({ sha256: match[1]!, name: match[2]! })
  }
  return { ok: true, entries }
}

/** The files SHA256SUMS does not list: itself and its signature. */
export const unsummedFiles: readonly string[] = ['SHA256SUMS', 'SHA256SUMS.sig']
