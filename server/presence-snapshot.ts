/** Who has a congress open in one process, or in all of them: event streams, and sync sockets per text. */
export interface PresenceSnapshot {
  /** Participants with an event stream open (the congress's pages). */
  readonly online: readonly string[]
  /** docName → participants with that text open. */
  readonly docs: Readonly<Record<string, readonly string[]>>
}

/** The union of several processes' snapshots: each person once, each text's people once. */
export function mergePresence(snapshots: readonly PresenceSnapshot[]): PresenceSnapshot {
  const online = new Set<string>()
  const docs = new Map<string, Set<string>>()
  for (const snapshot of snapshots) {
    for (const id of snapshot.online) online.add(id)
    for (const [name, ids] of Object.entries(snapshot.docs)) {
      const people = docs.get(name) ?? new Set<string>()
      for (const id of ids) people.add(id)
      docs.set(name, people)
    }
  }
  return { online: [...online], docs: Object.fromEntries([...docs].map(([name, ids]) => [name, [...ids]])) }
}
