import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { html, nothing } from 'lit'
import { clockText, speechClock } from '../../shared/floor/speech-clock.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** Redraws its host every second while connected: started with the host, stopped when it leaves. */
class SecondTicker implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }
  hostConnected(): void {
    // A quarter of a second: a whole second never shows twice or gets skipped for long.
    this.timer = setInterval(() => this.host.requestUpdate(), 250)
  }
  hostDisconnected(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}

/**
 * A speaker's countdown: the time left (then the time over, in red), from the speech's start and
 * the time given, on the server's clock corrected by the page's offset. Screen readers hear the
 * last minute and the end once each, not every second.
 */
export class FloorCountdown extends LightElement {
  static override properties = {
    startedAt: { attribute: false },
    speakingSeconds: { attribute: false },
    offset: { attribute: false },
    large: { type: Boolean },
  }
  declare startedAt: number
  declare speakingSeconds: number
  /** The server's clock minus this device's, in ms. */
  declare offset: number
  /** The projector's and the speaker's own size. */
  declare large: boolean
  private readonly ticker = new SecondTicker(this)

  constructor() {
    super()
    this.offset = 0
    this.large = false
  }

  override render() {
    const m = t()
    const clock = speechClock(this.startedAt, this.speakingSeconds, Date.now(), this.offset)
    const over = clock.overtime > 0 || clock.remaining === 0
    const text = over ? `+${clockText(clock.overtime)}` : clockText(clock.remaining)
    const warning = !over && clock.remaining <= 30
    const announcement = over ? m.f.timeUp : clock.remaining <= 60 ? m.f.oneMinuteLeft : ''
    return html`
      <div class="floor-countdown ${this.large ? 'large' : ''}" data-state=${over ? 'over' : warning ? 'warning' : 'running'}>
        <p class="countdown-label" aria-hidden="true">${over ? m.f.overtime : m.f.timeLeft}</p>
        <p class="countdown-clock" role="timer" aria-label=${over ? m.f.overtimeLabel(clockText(clock.overtime)) : m.f.timerLabel(clockText(clock.remaining))}>${text}</p>
        <div class="countdown-bar" aria-hidden="true"><span class="countdown-used" data-used=${Math.round(clock.used * 100)}></span></div>
      </div>
      <p class="visually-hidden" aria-live="polite">${announcement || nothing}</p>
    `
  }

  protected override updated(): void {
    // The used share as a width through the CSSOM: the Content-Security-Policy refuses style attributes.
    const used = this.querySelector<HTMLElement>('.countdown-used')
    if (used) used.style.width = `${used.dataset.used ?? 0}%`
  }
}

customElements.define('plenum-floor-countdown', FloorCountdown)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-countdown': FloorCountdown
  }
}
