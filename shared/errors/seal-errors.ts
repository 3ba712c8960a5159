import type { ErrorKinds } from './error-kind.ts'

/** The failures of the seal commands and presenters, each with what the client needs to say it. */
export interface SealErrorParams {}

export const sealErrorKinds = {} as const satisfies ErrorKinds<SealErrorParams>
