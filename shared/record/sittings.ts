import type { Role } from '../roles.ts'
import type { MinutesSitting } from './minutes-data.ts'
import { localDay } from './record-dates.ts'
import { byName } from '../text/french-order.ts'

/** What the replay reads of a decision log entry. */
export interface LogEntry {
  readonly at: number
  readonly action: string
  /** Canonical JSON. */
  readonly payload: string
}

export interface Person {
  readonly name: string
  readonly organisation: string
  readonly role: Role
}

/**
 * Who was present and who held proxies on each day the congress sat: the log replayed in order with
 * the ballots' closes, someone counting for a day if checked in at any time in it (or still checked
 * in when it began), a proxy if held at any time in it.
 */
export function replaySittings(log: readonly LogEntry[], ballotTimes: readonly number[], person: ReadonlyMap<string, Person>, timeZone: string): MinutesSitting[] {
  type Event = { readonly at: number; readonly entry: LogEntry | null }
  const events: Event[] = [
    ...log.filter((e) => e.action.startsWith('attendance.') || e.action.startsWith('proxy.')).map((entry) => ({ at: entry.at, entry })),
    ...ballotTimes.map((at) => ({ at, entry: null })),
  ]
  // Stable: the log's own order within one millisecond.
  events.sort((a, b) => a.at - b.at)
  const present = new Set<string>()
  const proxies = new Map<string, string>()
  const days = new Map<string, { present: Set<string>; proxies: Map<string, string> }>()
  for (const { at, entry } of events) {
    const key = localDay(new Date(at).toISOString(), timeZone)
    // A day starts from who was there when it began.
    const day = days.get(key) ?? days.set(key, { present: new Set(present), proxies: new Map(proxies) }).get(key)!
    if (!entry) continue
    const payload = JSON.parse(entry.payload) as Record<string, string>
    if (entry.action === 'attendance.checked_in' && payload.participantId) {
      present.add(payload.participantId)
      day.present.add(payload.participantId)
    } else if (entry.action === 'attendance.checked_out' && payload.participantId) present.delete(payload.participantId)
    else if (entry.action === 'proxy.recorded' && payload.giverId && payload.holderId) {
      proxies.set(payload.giverId, payload.holderId)
      day.proxies.set(payload.giverId, payload.holderId)
    } else if (entry.action === 'proxy.revoked' && payload.giverId) proxies.delete(payload.giverId)
  }
  const name = (id: string) => person.get(id)?.name ?? '?'
  return [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, d]) => ({
    day,
    present: [...d.present]
      .flatMap((id) => {
        const p = person.get(id)
        return p ? [{ name: p.name, organisation: p.organisation, role: p.role }] : []
      })
      .sort(byName),
    proxies: [...d.proxies].map(([giver, holder]) => ({ giver: name(giver), holder: name(holder) })).sort((a, b) => byName({ name: a.giver }, { name: b.giver })),
  }))
}
