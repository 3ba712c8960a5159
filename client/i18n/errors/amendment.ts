import type { AmendmentErrorParams } from '../../../shared/errors/amendment-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const amendmentFr: ErrorMessages<AmendmentErrorParams> = {}

export const amendmentEn: ErrorMessages<AmendmentErrorParams> = {}
