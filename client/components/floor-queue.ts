import { html } from 'lit'
import type { FloorTurnView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import type { FloorReading } from '../floor-reads.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import './floor-countdown.ts'
import { FocusAfter } from './focus-after.ts'
import { runFloorStep } from './floor-notice.ts'

/** The bureau's list of speakers: who speaks (with the countdown and *Fin d'intervention*), then who waits, in the order the floor goes, each with *Donner la parole*. */
export class FloorQueue extends LightElement {
  static override properties = { congressId: { attribute: false }, reading: { attribute: false }, busy: { state: true } }
  declare congressId: string
  declare reading: FloorReading
  declare busy: boolean

  constructor() {
    super()
    this.busy = false
  }

  private readonly focusAfter = new FocusAfter(this)

  private async step(turn: FloorTurnView, step: 'give' | 'end'): Promise<void> {
    const m = t()
    const pressed = this.focusAfter.pressedNow()
    this.busy = true
    const done = await runFloorStep(this, () => api.floorStep(this.congressId, turn.requestId, step), step === 'give' ? m.f.given(turn.name) : m.f.ended(turn.name))
    // Given: to the speech's end; ended: to the next in the list.
    if (done) this.focusAfter.request(step === 'give' ? '.floor-speaking button' : '.floor-queue button', pressed)
    this.busy = false
  }

  override render() {
    const m = t()
    const { view, offset } = this.reading
    const stance = (turn: FloorTurnView) => html`<span class="stance" data-stance=${turn.stance}>${m.f.stances[turn.stance]}</span>`
    return html`
      ${view.speaking
        ? html`<div class="floor-speaking">
            <p><span class="floor-label">${m.f.speakingNow}</span> <strong class="speaker-name">${view.speaking.name}</strong> ${stance(view.speaking)}</p>
            <plenum-floor-countdown .startedAt=${view.speaking.startedAt ?? view.now} .speakingSeconds=${view.speakingSeconds} .offset=${offset}></plenum-floor-countdown>
            <button type="button" class="primary" aria-label=${m.f.endOf(view.speaking.name)} ?disabled=${this.busy} @click=${() => this.step(view.speaking!, 'end')}>${m.f.end}</button>
          </div>`
        : html`<p class="hint">${m.f.nobodySpeaking}</p>`}
      ${view.queue.length === 0
        ? html`<p class="hint">${m.f.queueEmpty}</p>`
        : html`<ol class="floor-queue">
            ${view.queue.map(
              (turn) => html`<li data-stance=${turn.stance}>
                <div class="queue-row">
                  <span class="queue-who"><strong>${turn.name}</strong> ${stance(turn)} <span class="hint">${m.f.askedAt(this.time(turn.askedAt))}</span></span>
                  <button type="button" class="secondary" aria-label=${m.f.giveTo(turn.name)} ?disabled=${this.busy} @click=${() => this.step(turn, 'give')}>${m.f.give}</button>
                </div>
              </li>`,
            )}
          </ol>`}
    `
  }

  private time(ms: number): string {
    return new Date(ms).toLocaleTimeString(language() === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
  }
}

customElements.define('plenum-floor-queue', FloorQueue)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-queue': FloorQueue
  }
}
