import type SQLite from 'better-sqlite3'

/** Synchronous look-ups the sync socket needs for every update, without awaiting. */
export interface CongressStore {
  phase(congressId: string): string | undefined
}

export function createCongressStore(sqlite: SQLite.Database): CongressStore {
  const phaseStmt = sqlite.prepare<[string], { phase: string }>('SELECT phase FROM congresses WHERE id = ?')
  return { phase: (congressId) => phaseStmt.get(congressId)?.phase }
}
