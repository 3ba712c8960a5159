import type { Kysely } from 'kysely'
import type { DocumentLog } from '../../db/document-log.ts'
import type { Database } from '../../db/schema.ts'
import { oneTurnTransaction } from '../commands/command.ts'
import { lockCongress } from '../commands/congress/congress-rows.ts'
import { recordVersion, writeTypingMarks, type TypingMark, type VersionTexts } from './text-versions.ts'

/** How long typing must stop before a text's version is taken: about a minute (PLENUM_TYPING_PAUSE_MS for tests). */
export const defaultTypingPauseMs = 60_000

export function typingPauseFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PLENUM_TYPING_PAUSE_MS)
  return Number.isFinite(value) && value > 0 ? value : defaultTypingPauseMs
}

/** Who typed is written at most this often per person and text (a trailing write catches the last keystrokes). */
const markEveryMs = 5_000

/** Typing that never pauses (a room of writers taking turns) still gets a version this often: ten pauses' worth. */
const longestWithoutVersion = (pauseMs: number) => 10 * pauseMs

export interface TypingPauses {
  /** The sync server stored updates these participants typed in this text. */
  typed(docName: string, congressId: string, participantIds: readonly string[]): void
  /**
   * Who typed in this text here and is not written yet (marks go out at most every markEveryMs):
   * a version taken by a decision writes them in its own transaction, so it does not miss them.
   */
  pending(docName: string): readonly TypingMark[]
  /** Writes who typed and takes the versions still waiting for their pause; stops every timer. */
  close(): Promise<void>
}

interface TextTyping {
  readonly congressId: string
  /** Per person: when they last typed, and when that was last written. */
  readonly typed: Map<string, { last: number; written: number }>
  markTimer: NodeJS.Timeout | undefined
  pauseTimer: NodeJS.Timeout | undefined
  /** When typing began since this process last took (or asked for) a version of the text. */
  since: number | undefined
  /** A write or a version under way: the next waits for it. */
  busy: Promise<void>
}

/**
 * The pauses in typing, per process. Each text someone types in here gets a timer, pushed back by
 * every keystroke stored; when it runs out, the version is taken from what the database holds, in a
 * transaction on the congress's row, unless the database says someone typed since (on another
 * process): then it waits for their pause. Typing that never stops for a minute still gets a version
 * every ten minutes or so. Two processes that both see the pause take one version:
 * the second finds nothing changed. Who typed goes to `text_typing` (a row per person and text, its
 * time at most markEveryMs behind), where the next version, on any process, reads it.
 */
export function createTypingPauses(options: { db: Kysely<Database>; log: Pick<DocumentLog, 'readInTransaction'>; clock: () => number; pauseMs: number }): TypingPauses {
  const { db, log, clock, pauseMs } = options
  const texts = new Map<string, TextTyping>()
  const pendingMarks = (text: TextTyping | undefined): TypingMark[] =>
    text ? [...text.typed].filter(([, t]) => t.last > t.written).map(([participantId, t]) => ({ participantId, typedAt: t.last })) : []
  const versionTexts: VersionTexts = { readStored: (name, trx) => log.readInTransaction(trx, name), pendingTyping: (name) => pendingMarks(texts.get(name)) }
  let closed = false

  const queue = (text: TextTyping, work: () => Promise<void>) => {
    text.busy = text.busy.then(work).catch((error: unknown) => console.error('history: a text’s version could not be taken', error))
    return text.busy
  }

  const writeMarks = async (docName: string, text: TextTyping) => {
    const due = pendingMarks(text)
    if (due.length === 0) return
    for (const mark of due) text.typed.get(mark.participantId)!.written = mark.typedAt
    await writeTypingMarks(db, docName, due)
  }

  const takeVersion = async (docName: string, text: TextTyping, longTyping = false) => {
    await writeMarks(docName, text)
    const now = clock()
    // Statements only, as a decision's transaction (the same guard: on SQLite it may not wait for I/O).
    const waitUntil = await oneTurnTransaction(db, async (trx) => {
      await lockCongress(trx, text.congressId)
      const latest = await trx.selectFrom('text_typing').select((eb) => eb.fn.max('typed_at').as('at')).where('doc_name', '=', docName).executeTakeFirst()
      const last = Number(latest?.at ?? 0)
      // Someone typed since, on another process: their own pause is the one that counts.
      if (!closed && !longTyping && last + pauseMs > now) return last + pauseMs
      await recordVersion(trx, versionTexts, { docName, event: 'pause', now })
      return undefined
    })
    if (waitUntil !== undefined && !closed) schedulePause(docName, text, waitUntil - now)
    else if (!text.pauseTimer && !text.markTimer) texts.delete(docName)
  }

  function schedulePause(docName: string, text: TextTyping, delay: number): void {
    if (text.pauseTimer) clearTimeout(text.pauseTimer)
    text.pauseTimer = setTimeout(() => {
      text.pauseTimer = undefined
      text.since = undefined
      void queue(text, () => takeVersion(docName, text))
    }, Math.max(0, delay))
    text.pauseTimer.unref()
  }

  return {
    typed(docName, congressId, participantIds) {
      if (closed) return
      const now = clock()
      let text = texts.get(docName)
      if (!text) {
        text = { congressId, typed: new Map(), markTimer: undefined, pauseTimer: undefined, since: undefined, busy: Promise.resolve() }
        texts.set(docName, text)
      }
      let writeNow = false
      for (const id of participantIds) {
        const t = text.typed.get(id)
        if (!t) text.typed.set(id, { last: now, written: -Infinity })
        else t.last = now
        if (!t || now - t.written >= markEveryMs) writeNow = true
      }
      const current = text
      if (writeNow) void queue(current, () => writeMarks(docName, current))
      else if (!current.markTimer) {
        current.markTimer = setTimeout(() => {
          current.markTimer = undefined
          void queue(current, () => writeMarks(docName, current))
        }, markEveryMs)
        current.markTimer.unref()
      }
      schedulePause(docName, current, pauseMs)
      current.since ??= now
      if (now - current.since >= longestWithoutVersion(pauseMs)) {
        current.since = undefined
        void queue(current, () => takeVersion(docName, current, true))
      }
    },
    pending: (docName) => pendingMarks(texts.get(docName)),
    async close() {
      closed = true
      const waiting = [...texts]
      texts.clear()
      await Promise.all(
        waiting.map(([docName, text]) => {
          if (text.markTimer) clearTimeout(text.markTimer)
          const pending = text.pauseTimer !== undefined
          if (text.pauseTimer) clearTimeout(text.pauseTimer)
          text.markTimer = text.pauseTimer = undefined
          // The server stops: typing has paused, so what was typed since the last version becomes one.
          return queue(text, () => (pending ? takeVersion(docName, text) : writeMarks(docName, text)))
        }),
      )
    },
  }
}
