import { enBallots } from './en-ballots.ts'
import { frBallots } from './fr-ballots.ts'
import { language } from './index.ts'

/**
 * The ballots page's own messages in the current language (the new ballot, a draft's rule, the
 * phase, what a publication does). Beside the main catalogues, as the editor's are: only the
 * bureau's pages use them.
 */
export function bal(): typeof frBallots {
  return language() === 'en' ? enBallots : frBallots
}
