import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SessionStore } from '../db/session-store.ts'
import type { VoteStore } from '../db/vote-store.ts'
import type { RoomCodeLimit } from './auth/room-code-limit.ts'
import type { SignInLimit } from './auth/sign-in-limit.ts'
import type { CongressHub } from './congress-hub.ts'
import type { PresenceSnapshot } from './presence-snapshot.ts'
import type { DocumentAccess } from './sync/sync-server.ts'
import type { Actor } from '../shared/permissions.ts'

/** What the HTTP layer is built from: passed in, so a test builds a whole app on a temporary file. */
export interface AppDeps {
  readonly db: Kysely<Database>
  readonly sessions: SessionStore
  readonly clock: () => number
  readonly hub: CongressHub
  readonly loginLimit: SignInLimit
  readonly roomCodeLimit: RoomCodeLimit
  /** Who has the congress open, on every process: event streams, and sync sockets per text. */
  readonly presence: (congressId: string) => Promise<PresenceSnapshot>
  /** The collaborative documents, live rooms included, for what the server reads or merges. */
  readonly documents: DocumentAccess
  /** The ballot box: group commits, answered after they are on disk (see db/vote-store.ts). */
  readonly votes: VoteStore
  /** The data folder: the seal's keys, the sealed bundles. */
  readonly dataDir: string
  /** Folder of the built client, served for every GET outside /api. */
  readonly clientDir?: string
}

export type SessionActor = Actor & { readonly name: string }

export interface AppEnv {
  Variables: { actor: SessionActor; token: string }
}
