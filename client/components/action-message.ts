import { html, nothing } from 'lit'

/** What a button's action answered: shown under that button, not at the top of the page (issue 20, point 3). */
export interface ActionMessage {
  /** The place it belongs to: the key of the slot rendered under the button. */
  readonly at: string
  readonly text: string
  readonly ok: boolean
}

/**
 * The message slot under a control. The wrapper is always in the page as a polite live region, so
 * a confirmation is read out when its text arrives; an error is an alert, present only while there
 * is one (a page holds one alert at a time).
 */
export function messageSlot(at: string, message: ActionMessage | undefined) {
  const mine = message?.at === at ? message : undefined
  return html`<div class="action-message" role="status" data-message-for=${at}>
    ${mine ? (mine.ok ? html`<p class="ok">${mine.text}</p>` : html`<p role="alert" class="error">${mine.text}</p>`) : nothing}
  </div>`
}

/** After the page re-renders (a form may have turned into text above it), keeps the message in view. */
export function revealMessage(root: ParentNode, at: string): void {
  root.querySelector(`[data-message-for="${at}"]`)?.scrollIntoView({ block: 'nearest' })
}

/** "Modifications non enregistrées", beside a form's save button while it holds unsaved text. */
export function unsavedHint(dirty: boolean, text: string) {
  return dirty ? html`<span class="unsaved-hint" data-unsaved>${text}</span>` : nothing
}
