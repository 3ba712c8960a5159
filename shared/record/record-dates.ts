/**
 * Dates as official documents write them, in the congress's time zone: "3 décembre 2026, 14 h 05",
 * "3 December 2026, 14:05". Built from the parts Intl gives, not its whole format, so the words do
 * not change with the host's locale data.
 */

const frenchMonths = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export const defaultTimeZone = 'Europe/Paris'

/** Metropolitan France and the overseas territories whose elected officials come to the congress: offered by the details form. */
export const frenchTimeZones = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'America/Miquelon',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Pacific/Wallis',
] as const

/** Whether `name` is a time zone this runtime knows (IANA: "Europe/Paris", "America/Martinique"). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

interface LocalParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function localParts(iso: string, timeZone: string): LocalParts {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
    formatters.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute) }
}

/** The day an instant falls on in the time zone, `YYYY-MM-DD`. */
export function localDay(iso: string, timeZone: string): string {
  const { year, month, day } = localParts(iso, timeZone)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** "3 décembre 2026" / "3 December 2026", from a `YYYY-MM-DD` day. */
export function dayWords(day: string, lang: 'fr' | 'en'): string {
  const [year, month, date] = day.split('-').map(Number)
  if (lang === 'en') return `${date} ${englishMonths[(month ?? 1) - 1]} ${year}`
  return `${date === 1 ? '1er' : date} ${frenchMonths[(month ?? 1) - 1]} ${year}`
}

/** "14 h 05" / "14:05". */
export function timeWords(iso: string, timeZone: string, lang: 'fr' | 'en'): string {
  const { hour, minute } = localParts(iso, timeZone)
  const mm = String(minute).padStart(2, '0')
  return lang === 'en' ? `${String(hour).padStart(2, '0')}:${mm}` : `${hour} h ${mm}`
}

/** "3 décembre 2026, 14 h 05" / "3 December 2026, 14:05". */
export function dateTimeWords(iso: string, timeZone: string, lang: 'fr' | 'en'): string {
  return `${dayWords(localDay(iso, timeZone), lang)}, ${timeWords(iso, timeZone, lang)}`
}

/** "3 min 20 s" / "3 min 20 s": a speech's length. */
export function durationWords(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return m === 0 ? `${s} s` : `${m} min ${String(s).padStart(2, '0')} s`
}
