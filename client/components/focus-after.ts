import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * Where focus goes after a step whose button goes away (asking for the floor, giving it, opening a
 * vote): to the first enabled element matching a selector, other than the one pressed, as soon as
 * the host draws one. Keyboard and screen-reader users then stay where the next step is.
 */
export class FocusAfter implements ReactiveController {
  private selector: string | undefined
  private pressed: Element | null = null
  /** A target that never shows (nothing left to do) is not waited for long: a later draw must not take focus. */
  private until = 0

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this)
  }

  /** Where focus was when the step began (before its button turned disabled while it ran). */
  pressedNow(): Element | null {
    return document.activeElement
  }

  /** Call when the step succeeded, with what `pressedNow` said at its start: the next draws that show a target focus it. */
  request(selector: string, pressed: Element | null): void {
    this.selector = selector
    this.pressed = pressed
    this.until = Date.now() + 5_000
  }

  hostUpdated(): void {
    if (!this.selector) return
    if (Date.now() > this.until) {
      this.selector = undefined
      return
    }
    const target = [...this.host.querySelectorAll<HTMLElement>(this.selector)].find((element) => element !== this.pressed && !element.hasAttribute('disabled'))
    if (!target) return
    target.focus()
    this.selector = undefined
    this.pressed = null
  }
}
