import type { ErrorInfo, ErrorParams } from '../../../shared/errors.ts'
import { language, type Language } from '../index.ts'
import { amendmentEn, amendmentFr } from './amendment.ts'
import { ballotEn, ballotFr } from './ballot.ts'
import { commonEn, commonFr } from './common.ts'
import { congressEn, congressFr } from './congress.ts'
import type { ErrorMessages } from './error-messages.ts'
import { sealEn, sealFr } from './seal.ts'

// A code without a message in either language is a compile error here.
const catalogs: Record<Language, ErrorMessages<ErrorParams>> = {
  fr: { ...commonFr, ...congressFr, ...amendmentFr, ...ballotFr, ...sealFr },
  en: { ...commonEn, ...congressEn, ...amendmentEn, ...ballotEn, ...sealEn },
}

/** An error the server sent, said in the reader's language from its code and parameters. */
export function describeError(error: ErrorInfo, lang: Language = language()): string {
  const say = catalogs[lang][error.code] as (e: ErrorInfo) => string
  return say(error)
}
