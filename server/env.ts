import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SessionStore } from '../db/session-store.ts'
import type { Actor } from '../shared/permissions.ts'

/** What the HTTP layer is built from: passed in, so a test builds a whole app on a temporary file. */
export interface AppDeps {
  readonly db: Kysely<Database>
  readonly sessions: SessionStore
  readonly clock: () => number
  /** Folder of the built client, served for every GET outside /api. */
  readonly clientDir?: string
}

export type SessionActor = Actor & { readonly name: string }

export interface AppEnv {
  Variables: { actor: SessionActor; token: string }
}
