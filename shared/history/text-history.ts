import type { TextDiff } from '../amendments/text-diff.ts'
import type { Phase } from '../phases.ts'

/** What made a text's version: a phase change, a merge, a restore, a pause in typing. */
export const versionEvents = ['phase', 'merge', 'restore', 'pause'] as const
export type VersionEvent = (typeof versionEvents)[number]

/** One version of a text, as the history page lists it. */
export interface TextVersionView {
  readonly id: string
  /** 1, 2, 3… in the order they were taken. */
  readonly seq: number
  readonly at: number
  readonly event: VersionEvent
  /** The people who typed in the text since the version before, by name, sorted. */
  readonly typists: readonly string[]
  /** Who merged, restored or moved the phase (null: the command line, or a pause). */
  readonly actor: string | null
  /** A phase change: the phase entered. */
  readonly phase: Phase | null
  /** A merge: the amendment's label (P12-A3). */
  readonly amendmentLabel: string | null
  /** A restore: the number of the version restored. */
  readonly restoredSeq: number | null
}

export interface TextHistoryView {
  readonly docName: string
  /** Newest last. */
  readonly versions: readonly TextVersionView[]
  /** Whether the reader may restore a version now (the bureau, while the text is editable). */
  readonly canRestore: boolean
}

/** One version's text. */
export interface TextVersionTextView {
  readonly version: TextVersionView
  readonly paragraphs: readonly string[]
}

/** Two versions compared: the word diff of `to` against `from`, on `from`'s printed lines. */
export interface TextVersionCompareView {
  readonly from: TextVersionTextView
  readonly to: TextVersionTextView
  readonly diff: TextDiff
}

/** What a restore answers: the new version it made (none when the text already read so). */
export interface TextRestoredView {
  readonly restored: TextVersionView
  readonly version: TextVersionView | null
}
