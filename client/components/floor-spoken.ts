import { html } from 'lit'
import type { FloorTurnView } from '../../shared/api-types.ts'
import { clockText, speechSeconds } from '../../shared/floor/speech-clock.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** Who spoke on the item, which way, when and how long: what the minutes keep. */
export class FloorSpoken extends LightElement {
  static override properties = { turns: { attribute: false } }
  declare turns: readonly FloorTurnView[]

  override render() {
    const m = t()
    if (this.turns.length === 0) return html`<p class="hint">${m.f.spokenNone}</p>`
    const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toLocaleTimeString(language() === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' }))
    return html`<div class="table-scroll"><table class="floor-spoken">
      <caption>${m.f.spokenCaption}</caption>
      <thead><tr><th scope="col">${m.f.spokenWho}</th><th scope="col">${m.f.spokenStance}</th><th scope="col">${m.f.spokenStart}</th><th scope="col">${m.f.spokenLength}</th></tr></thead>
      <tbody>
        ${this.turns.map((turn) => {
          const seconds = speechSeconds(turn)
          return html`<tr><th scope="row">${turn.name}</th><td>${m.f.stances[turn.stance]}</td><td>${time(turn.startedAt)}</td><td>${seconds === null ? '' : clockText(seconds)}</td></tr>`
        })}
      </tbody>
    </table></div>`
  }
}

customElements.define('plenum-floor-spoken', FloorSpoken)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-spoken': FloorSpoken
  }
}
