import type { ErrorKinds } from './error-kind.ts'

/** The failures of a text's history (its versions, a restore), each with what the client needs to say it. */
export interface HistoryErrorParams {
  /** No such version of a text of this congress. */
  version_not_found: { readonly versionId: string }
  /** No such text in this congress, or not one whose history is shown (the preamble, a proposal). */
  history_text_not_found: { readonly docName: string }
  /** The text was put to the vote: it does not change any more, not even by a restore. */
  restore_text_voted: { readonly docName: string }
}

export const historyErrorKinds = {
  version_not_found: 'not_found',
  history_text_not_found: 'not_found',
  restore_text_voted: 'conflict',
} as const satisfies ErrorKinds<HistoryErrorParams>
