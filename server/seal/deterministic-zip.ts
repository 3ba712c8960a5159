import { zipSync, type Zippable } from 'fflate'

export interface ZipEntry {
  readonly name: string
  readonly data: Uint8Array
  /** Stored uncompressed (ODF's mimetype must be). */
  readonly store?: boolean
}

/**
 * A zip whose bytes depend only on the entries and the date: entries in the order given, each dated
 * `iso` (zip times are local wall-clock fields, so they are built from the UTC ones: the same on
 * every machine whatever its time zone).
 */
export function deterministicZip(entries: readonly ZipEntry[], iso: string): Uint8Array {
  const utc = new Date(iso)
  const mtime = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds())
  const files: Zippable = {}
  for (const entry of entries) files[entry.name] = [entry.data, { level: entry.store ? 0 : 6, mtime }]
  return zipSync(files)
}
