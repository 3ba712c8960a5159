import type { AuditEntryView } from '../api-types.ts'
import { isLoggedAction, type LoggedAction } from './log-actions.ts'
import { LogReading, type LogContext } from './log-reading.ts'

export type LogRule = (r: LogReading) => string

/** One language's sentences: one rule per known action, and the plain one for any other entry. */
export interface LogSentences {
  readonly rules: Readonly<Record<LoggedAction, LogRule>>
  /** Names the action itself: an unknown action, or a payload a rule cannot read. */
  readonly generic: (action: string) => string
  /** Who acted when no one signed in did: the command line. */
  readonly commandLine: string
}

type Entry = Pick<AuditEntryView, 'action' | 'actorId' | 'actorName' | 'payload'>

/** Who acted, as the log says it in this language. */
export function logActor(entry: Pick<AuditEntryView, 'actorId' | 'actorName'>, sentences: LogSentences): string {
  return entry.actorId === null ? sentences.commandLine : entry.actorName
}

/** The entry as a sentence; never throws, whatever its payload holds. */
export function logSentence(entry: Entry, context: LogContext, sentences: LogSentences): string {
  if (!isLoggedAction(entry.action)) return sentences.generic(entry.action)
  const payload = typeof entry.payload === 'object' && entry.payload !== null ? entry.payload : {}
  try {
    return sentences.rules[entry.action](new LogReading(logActor(entry, sentences), payload, context))
  } catch {
    // MalformedEntry, or a payload shaped like nothing a rule expects: the entry still reads.
    return sentences.generic(entry.action)
  }
}
