import type { HistoryErrorParams } from '../../../shared/errors/history-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const historyFr: ErrorMessages<HistoryErrorParams> = {
  version_not_found: () => 'Cette version du texte n’existe pas.',
  history_text_not_found: () => 'Ce texte n’existe pas dans ce congrès.',
  restore_text_voted: () => 'Ce texte a été mis aux voix : il ne change plus, aucune version ne peut y être restaurée.',
}

export const historyEn: ErrorMessages<HistoryErrorParams> = {
  version_not_found: () => 'This version of the text does not exist.',
  history_text_not_found: () => 'This text is not one of the congress’s.',
  restore_text_voted: () => 'This text was put to the vote: it no longer changes, no version can be restored into it.',
}
