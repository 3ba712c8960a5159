import { html } from 'lit'
import type { FloorView } from '../../shared/api-types.ts'
import { speakingSecondsRange } from '../../shared/floor/floor-input.ts'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { runFloorStep } from './floor-notice.ts'

/** The list's rules: a speaker's time and the bureau's two switches (both on by default). */
export class FloorRules extends LightElement {
  static override properties = { congressId: { attribute: false }, view: { attribute: false }, busy: { state: true } }
  declare congressId: string
  declare view: FloorView
  declare busy: boolean

  constructor() {
    super()
    this.busy = false
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement
    this.busy = true
    await runFloorStep(
      this,
      () => api.setSpeakerRules(this.congressId, { speakingSeconds: Number(field('speaking-seconds').value), alternate: field('alternate').checked, firstTimersFirst: field('first-timers').checked }),
      t().f.rulesSaved,
    )
    this.busy = false
  }

  override render() {
    const m = t()
    const { min, max } = speakingSecondsRange
    return html`<form class="floor-rules" @submit=${this.save}>
      <div class="field">
        <label for="speaking-seconds">${m.f.speakingTime}</label>
        <input id="speaking-seconds" name="speaking-seconds" type="number" inputmode="numeric" min=${min} max=${max} step="10" required .value=${String(this.view.speakingSeconds)} aria-describedby="speaking-seconds-hint" />
        <span class="hint" id="speaking-seconds-hint">${m.f.speakingTimeHint(min, max)}</span>
      </div>
      <label class="choice"><input type="checkbox" name="alternate" .checked=${this.view.rules.alternate} /> ${m.f.alternate}</label>
      <label class="choice"><input type="checkbox" name="first-timers" .checked=${this.view.rules.firstTimersFirst} /> ${m.f.firstTimersFirst}</label>
      <button type="submit" ?disabled=${this.busy}>${m.f.saveRules}</button>
    </form>`
  }
}

customElements.define('plenum-floor-rules', FloorRules)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-rules': FloorRules
  }
}
