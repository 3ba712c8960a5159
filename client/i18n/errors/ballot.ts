import type { BallotErrorParams } from '../../../shared/errors/ballot-errors.ts'
import type { ErrorMessages } from './error-messages.ts'

export const ballotFr: ErrorMessages<BallotErrorParams> = {}

export const ballotEn: ErrorMessages<BallotErrorParams> = {}
