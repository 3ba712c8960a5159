import type { SealErrorParams } from '../../../shared/errors/seal-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const sealFr: ErrorMessages<SealErrorParams> = {}

export const sealEn: ErrorMessages<SealErrorParams> = {}
