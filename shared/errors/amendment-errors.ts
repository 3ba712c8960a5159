import type { ErrorKinds } from './error-kind.ts'

/** The failures of the amendment commands and presenters, each with what the client needs to say it. */
export interface AmendmentErrorParams {}

export const amendmentErrorKinds = {} as const satisfies ErrorKinds<AmendmentErrorParams>
