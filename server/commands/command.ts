import type { Kysely, Transaction } from 'kysely'
import { transactionsShareTheConnection } from '../../db/database-handle.ts'
import type { Database } from '../../db/schema.ts'
import type { Action } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { requireAllowedInPhase } from '../auth/authorize.ts'
import { DomainError } from '../domain-error.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { appendAudit } from '../services/audit.ts'
import { notifyOf } from '../notifications/notify.ts'
import { lockCongress } from './congress/congress-rows.ts'

/**
 * Who runs a command: a participant's session, or the machine's operator (the plenum command line),
 * who acts as the congress's bureau and is logged as "ligne de commande".
 */
export type CommandActor = SessionActor | OperatorActor

export interface OperatorActor {
  readonly operator: true
  readonly participantId: ''
  readonly congressId: string
  readonly role: 'bureau'
  readonly name: string
}

export function operatorOf(congressId: string): OperatorActor {
  return { operator: true, participantId: '', congressId, role: 'bureau', name: 'ligne de commande' }
}

/** What every command is built from; a command names the parts it reads (Pick<CommandDeps, …>). */
export type CommandDeps = Pick<AppDeps, 'db' | 'hub' | 'clock'> & Partial<Pick<AppDeps, 'documents' | 'votes' | 'dataDir' | 'loginLimit' | 'sessions' | 'presence'>>

/** Inside a command's one transaction. */
export interface Tx {
  readonly trx: Transaction<Database>
  /** The command's clock reading: the decision's time, the same in every row and in its log entry. */
  readonly now: number
  /** Appends the decision to the congress's hash-chained log, inside this transaction. */
  audit(congressId: string, action: string, payload: Record<string, unknown>): Promise<void>
  /** Runs after the commit, in order: hub events, broadcasts. Never if the transaction rolls back. */
  afterCommit(effect: () => void): void
  /** Runs if the transaction rolls back: undoes what lives outside the database (a room's Y.Doc). */
  onRollback(effect: () => void): void
}

export interface CommandSteps {
  readonly actor: CommandActor
  /**
   * The one policy (shared/permissions.ts), against the congress's phase as the hub holds it; a
   * command calls it before any write. 403 `forbidden`, 409 `phase_forbids`.
   */
  authorize(congressId: string, action: Action): Promise<void>
  /** The same, against a phase read inside the transaction (a freeze may have landed since). */
  authorizeInPhase(congressId: string, phase: Phase, action: Action): void
  /**
   * The command's one transaction: its writes and its audit entry commit together, then the effects
   * queued with afterCommit run. A DomainError thrown inside rolls everything back.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>
}

/**
 * Runs a decision: `body` loads what it needs, authorizes, reads ahead what must be read outside
 * the transaction, then writes in one transaction. Every DomainError becomes the Result's error;
 * any other error is a bug and is thrown.
 */
export async function command<T>(deps: CommandDeps, actor: CommandActor, body: (steps: CommandSteps) => Promise<T>): Promise<Result<T, DomainError>> {
  /** What was authorized against the hub's phase: checked again in the transaction, against the locked row. */
  const authorized: { readonly congressId: string; readonly action: Action }[] = []
  const steps: CommandSteps = {
    actor,
    authorize: async (congressId, action) => {
      authorizeActor(actor, congressId, await deps.hub.phase(congressId), action)
      authorized.push({ congressId, action })
    },
    authorizeInPhase: (congressId, phase, action) => authorizeActor(actor, congressId, phase, action),
    transaction: (work) =>
      inTransaction(deps, actor, async (tx) => {
        // The hub's phase may be a moment behind another process's change (a freeze): the row decides.
        for (const congressId of new Set(authorized.map((a) => a.congressId))) {
          const phase = await lockCongress(tx.trx, congressId)
          for (const a of authorized) if (a.congressId === congressId) authorizeActor(actor, congressId, phase, a.action)
        }
        return work(tx)
      }),
  }
  try {
    return ok(await body(steps))
  } catch (error) {
    if (error instanceof DomainError) return err(error)
    throw error
  }
}

/** A read: the same steps without a transaction. Presenters use it so a read authorizes like a write. */
export const query = command

function authorizeActor(actor: CommandActor, congressId: string, phase: Phase, action: Action): void {
  requireAllowedInPhase(actor, congressId, phase, action)
}

/** The actor as the log records them: null for the command line. */
export function auditActorOf(actor: CommandActor): { readonly id: string; readonly name: string } | null {
  return 'operator' in actor ? null : { id: actor.participantId, name: actor.name }
}

async function inTransaction<T>(deps: CommandDeps, actor: CommandActor, work: (tx: Tx) => Promise<T>): Promise<T> {
  const now = deps.clock()
  const after: (() => void)[] = []
  const undo: (() => void)[] = []
  let value: T
  try {
    value = await oneTurnTransaction(deps.db, (trx) =>
      work({
        trx,
        now,
        audit: async (congressId, action, payload) => {
          const event = { congressId, actor: auditActorOf(actor), action, payload }
          await appendAudit(trx, event, now)
          // Whom this decision concerns is told in the same transaction, and live once it commits.
          const told = await notifyOf(trx, event, now)
          if (told.length > 0) after.push(() => deps.hub.notified(congressId, told))
        },
        afterCommit: (effect) => void after.push(effect),
        onRollback: (effect) => void undo.push(effect),
      }),
    )
  } catch (error) {
    for (const effect of undo.reverse()) effect()
    throw error
  }
  for (const effect of after) effect()
  return value
}

/**
 * A transaction under the guard below: every decision's, and any other that writes while rooms
 * store updates (a pause in typing's version, server/history/typing-pauses.ts).
 */
export function oneTurnTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const turn = transactionsShareTheConnection(db) ? oneTurn() : undefined
    const result = await work(trx)
    turn?.end()
    return result
  })
}

/**
 * On SQLite, the sync path (a room's flush, on setImmediate) and the ballot box (a timer) write on
 * the transaction's own connection with synchronous statements. A transaction that waited for I/O or a timer would
 * let one of those writes land inside it, and a rollback would take back an update clients already
 * have. So a transaction must run within one turn of the event loop (database statements and
 * promises only; read files, texts and diffs before it): this refuses to commit one that did not.
 */
function oneTurn(): { end(): void } {
  let spanned = false
  const probe = setImmediate(() => {
    spanned = true
  })
  return {
    end() {
      clearImmediate(probe)
      if (spanned) throw new Error('a transaction waited for I/O or a timer: read what it needs before it opens')
    },
  }
}
