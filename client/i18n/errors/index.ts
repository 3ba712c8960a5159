import { ApiError } from '../../api-error.ts'
import type { ErrorInfo, ErrorParams } from '../../../shared/errors.ts'
import { language, t, type Language } from '../index.ts'
import { amendmentEn, amendmentFr } from './amendment.ts'
import { ballotEn, ballotFr } from './ballot.ts'
import { commonEn, commonFr } from './common.ts'
import { congressEn, congressFr } from './congress.ts'
import type { ErrorMessages } from './error-messages.ts'
import { describeProblem } from './field-rules.ts'
import { floorEn, floorFr } from './floor.ts'
import { historyEn, historyFr } from './history.ts'
import { sealEn, sealFr } from './seal.ts'

// A code without a message in either language is a compile error here.
const catalogs: Record<Language, ErrorMessages<ErrorParams>> = {
  fr: { ...commonFr, ...congressFr, ...amendmentFr, ...ballotFr, ...sealFr, ...floorFr, ...historyFr },
  en: { ...commonEn, ...congressEn, ...amendmentEn, ...ballotEn, ...sealEn, ...floorEn, ...historyEn },
}

/** An error the server sent, said in the reader's language from its code and parameters. */
export function describeError(error: ErrorInfo, lang: Language = language()): string {
  // The catalog is indexed by the error's own code, so its parameters are that code's: TypeScript
  // cannot follow the correlation between the two through the union, hence the one widening.
  const say = catalogs[lang][error.code] as ((e: ErrorInfo) => string) | undefined
  // A code this client does not know yet (a newer server) still gets a sentence.
  return say ? say(error) : lang === 'fr' ? commonFr.internal({}) : commonEn.internal({})
}

/**
 * What went wrong, for the person: a server error in their language, the network's own message,
 * and the generic one for anything else. Never the server's French `message`.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return t().genericError
  if (error.info.code === 'network') return t().networkError
  const problems = describeProblems(error)
  return problems.length === 0 ? describeError(error.info) : `${describeError(error.info)} ${problems.join(' ; ')}`
}

/** Each problem of a refused input (its `details`), in the reader's language: "Line 3, email: …". */
export function describeProblems(error: ApiError, lang: Language = language()): string[] {
  return error.details.map((problem) => describeProblem(problem, lang))
}
