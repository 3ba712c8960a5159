import { html, nothing } from 'lit'
import type { CongressView, FloorTurnView } from '../../shared/api-types.ts'
import type { DebateItem, FloorReading } from '../floor-reads.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import './floor-countdown.ts'
import './floor-next-vote.ts'

/** The wall while the floor is on: who speaks and which way, a countdown readable from the back of the room, who comes next, the next vote. */
export class FloorProjector extends LightElement {
  static override properties = { congress: { attribute: false }, reading: { attribute: false }, item: { attribute: false } }
  declare congress: CongressView
  declare reading: FloorReading
  declare item: DebateItem | undefined

  override render() {
    const m = t()
    const { view, offset } = this.reading
    const who = (turn: FloorTurnView) => m.f.speakerWithStance(turn.name, m.f.stances[turn.stance])
    const coming = view.queue.slice(0, 3)
    return html`
      ${view.speaking
        ? html`<p class="projector-speaker"><span class="floor-label">${m.f.speakingNow}</span> <strong>${view.speaking.name}</strong>
              <span class="stance" data-stance=${view.speaking.stance}>${m.f.stances[view.speaking.stance]}</span></p>
            <plenum-floor-countdown large .startedAt=${view.speaking.startedAt ?? view.now} .speakingSeconds=${view.speakingSeconds} .offset=${offset}></plenum-floor-countdown>`
        : html`<p class="projector-speaker">${m.f.projectorNoSpeaker}</p>`}
      ${coming.length > 0 ? html`<p class="projector-next-speakers"><span class="floor-label">${m.f.projectorNext}</span> ${coming.map(who).join(' · ')}</p>` : nothing}
      ${this.item ? html`<plenum-floor-next-vote .congress=${this.congress} .item=${this.item}></plenum-floor-next-vote>` : nothing}
    `
  }
}

customElements.define('plenum-floor-projector', FloorProjector)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-projector': FloorProjector
  }
}
