import { describeFailure } from '../i18n/errors/index.ts'

/** What a part of the session screen tells the page after a step: said in the page's one live region. */
export interface FloorNotice {
  readonly text: string
  readonly failure: boolean
}

export const floorNoticeEvent = 'floor-notice'

/**
 * Runs one of the bureau's steps from `host`, then tells the page how it went (an event that
 * bubbles to the session page): `done` on success, the failure said in the reader's language
 * otherwise. Answers whether it succeeded.
 */
export async function runFloorStep(host: HTMLElement, run: () => Promise<unknown>, done: string): Promise<boolean> {
  let notice: FloorNotice
  try {
    await run()
    notice = { text: done, failure: false }
  } catch (error) {
    notice = { text: describeFailure(error), failure: true }
  }
  host.dispatchEvent(new CustomEvent<FloorNotice>(floorNoticeEvent, { detail: notice, bubbles: true }))
  return !notice.failure
}
