import type { FloorRequestStatus } from '../floor/speakers.ts'
import type { ErrorKinds } from './error-kind.ts'

/** The failures of the floor's commands (the list of speakers), each with what the client needs to say it. */
export interface FloorErrorParams {
  /** No item is under debate: the bureau chooses one before anyone asks for the floor. */
  floor_no_debate: { readonly congressId: string }
  /** The text named as the item under debate is not one of the congress's. */
  /** The amendment to narrow the debate to is not one of the text's. */
  floor_amendment_not_found: { readonly amendmentId: string }
  floor_text_not_found: { readonly docName: string }
  floor_request_not_found: { readonly requestId: string }
  /** This person already waits for the floor on this item. */
  floor_already_asked: { readonly requestId: string }
  /** The request is no longer waiting (or no longer speaking) for what was attempted. */
  floor_request_status: { readonly requestId: string; readonly status: FloorRequestStatus }
}

export const floorErrorKinds = {
  floor_no_debate: 'conflict',
  floor_amendment_not_found: 'not_found',
  floor_text_not_found: 'not_found',
  floor_request_not_found: 'not_found',
  floor_already_asked: 'conflict',
  floor_request_status: 'conflict',
} as const satisfies ErrorKinds<FloorErrorParams>
