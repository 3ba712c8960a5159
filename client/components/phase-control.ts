import { describeFailure } from '../i18n/errors/index.ts'
import { html, nothing } from 'lit'
import { checkPhaseChange, openPhases, type Phase } from '../../shared/phases.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** The bureau moves the congress from one phase to another, after confirming. */
export class PhaseControl extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    phase: { attribute: false },
    target: { state: true },
    confirming: { state: true },
    message: { state: true },
    failure: { state: true },
  }

  declare congressId: string
  declare phase: Phase
  declare target: Phase | undefined
  declare confirming: boolean
  declare message: string | undefined
  declare failure: string | undefined

  private async apply(): Promise<void> {
    const target = this.target
    if (!target) return
    try {
      await api.changePhase(this.congressId, target)
      this.message = t().phaseChanged(t().phaseNames[target])
      this.failure = undefined
      this.target = undefined
    } catch (error) {
      this.failure = describeFailure(error)
    }
    this.confirming = false
  }

  override render() {
    const m = t()
    const choices = openPhases.filter((p) => !checkPhaseChange(this.phase, p))
    const target = this.target && choices.includes(this.target) ? this.target : undefined
    return html`
      <section class="card" aria-labelledby="phase-heading">
        <h2 id="phase-heading">${m.phaseSection}</h2>
        <p><strong data-phase=${this.phase}>${m.phaseCurrent(m.phaseNames[this.phase])}</strong></p>
        ${choices.length === 0
          ? nothing
          : html`<fieldset class="phase-choices">
              <legend>${m.phaseMoveTo}</legend>
              ${choices.map(
                (p) => html`<label class="choice">
                  <input type="radio" name="phase" value=${p} .checked=${target === p} @change=${() => ((this.target = p), (this.confirming = false))} />
                  ${m.phaseNames[p]}
                </label>`,
              )}
            </fieldset>
            <p class="hint">${m.phaseOneWay}</p>
            ${this.confirming && target
              ? html`<div class="confirm" role="alertdialog" aria-labelledby="phase-confirm-text">
                  <p id="phase-confirm-text">${m.phaseConfirm(m.phaseNames[this.phase], m.phaseNames[target])}</p>
                  <button type="button" class="primary" @click=${() => this.apply()}>${m.phaseConfirmYes}</button>
                  <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${m.phaseConfirmNo}</button>
                </div>`
              : html`<button type="button" class="primary" ?disabled=${!target} @click=${() => (this.confirming = true)}>${m.phaseApply}</button>`}`}
        ${this.message ? html`<p role="status" class="ok">${this.message}</p>` : nothing}
        ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
      </section>
    `
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('confirming') && this.confirming) this.querySelector<HTMLButtonElement>('.confirm .primary')?.focus()
  }
}

customElements.define('plenum-phase-control', PhaseControl)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-phase-control': PhaseControl
  }
}
