import type { ErrorKinds } from './error-kind.ts'

/** The failures of the ballot commands and presenters, each with what the client needs to say it. */
export interface BallotErrorParams {}

export const ballotErrorKinds = {} as const satisfies ErrorKinds<BallotErrorParams>
