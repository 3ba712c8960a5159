import type { Choice } from './ballot-rule.ts'

/**
 * Every vote request body is this many bytes, whatever the choice or the ids: on the hall's Wi-Fi
 * (or behind TLS, which hides content but not length) the size of the request must not say
 * "abstain" (7 letters) rather than "yes" (3).
 */
export const voteRequestBytes = 512

export interface VoteRequest {
  readonly choice: Choice
  readonly clientVoteId: string
  readonly deviceNonce: string
  readonly onBehalfOf?: string
}

/** The JSON body, padded with trailing spaces (insignificant JSON whitespace) to voteRequestBytes. */
export function encodeVoteRequest(request: VoteRequest): string {
  const json = JSON.stringify({
    choice: request.choice,
    clientVoteId: request.clientVoteId,
    deviceNonce: request.deviceNonce,
    ...(request.onBehalfOf === undefined ? {} : { onBehalfOf: request.onBehalfOf }),
  })
  const length = new TextEncoder().encode(json).length
  if (length > voteRequestBytes) throw new Error(`vote request of ${length} bytes, over ${voteRequestBytes}`)
  return json + ' '.repeat(voteRequestBytes - length)
}
