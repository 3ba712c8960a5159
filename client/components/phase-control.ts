import { describeFailure } from '../i18n/errors/index.ts'
import { html, nothing } from 'lit'
import type { DashboardView } from '../../shared/dashboard/dashboard-view.ts'
import { checkPhaseChange, openPhases, type Phase } from '../../shared/phases.ts'
import { defaultTimeZone, timeWords } from '../../shared/record/record-dates.ts'
import { api } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { messageSlot, revealMessage, unsavedHint, type ActionMessage } from './action-message.ts'

/**
 * The bureau moves the congress from one phase to another, after confirming; and undoes a mistaken
 * move, with a reason, while nothing was decided since (the server decides: 409 otherwise).
 */
export class PhaseControl extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    phase: { attribute: false },
    lastMove: { attribute: false },
    timeZone: { attribute: false },
    reasonDirty: { state: true },
    target: { state: true },
    confirming: { state: true },
    undoing: { state: true },
    busy: { state: true },
    message: { state: true },
  }
  /** The phase a message was about: once the phase moves elsewhere (live), the message is stale and goes. */
  private messagePhase: Phase | undefined

  declare congressId: string
  declare phase: Phase
  /** From the dashboard: the last move and whether it can be undone. Undefined: not known here (the server says). */
  declare lastMove: DashboardView['lastMove'] | undefined
  /** The congress's time zone: the last move's time is the room's, not the device's. */
  declare timeZone: string | undefined
  /** The undo form's reason holds typing not yet sent: the form says so, and leaving the page asks first. */
  declare reasonDirty: boolean
  private unguard: (() => void) | undefined
  declare target: Phase | undefined
  declare confirming: boolean
  declare undoing: boolean
  declare busy: boolean
  declare message: ActionMessage | undefined

  constructor() {
    super()
    this.confirming = false
    this.undoing = false
    this.busy = false
    this.reasonDirty = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.unguard = guardUnsaved(() => this.undoing && this.reasonDirty)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unguard?.()
  }

  private async apply(): Promise<void> {
    const target = this.target
    if (!target) return
    try {
      await api.changePhase(this.congressId, target)
      this.message = { at: 'move', ok: true, text: t().phaseChanged(t().phaseNames[target]) }
      this.messagePhase = target
      this.target = undefined
    } catch (error) {
      this.message = { at: 'move', ok: false, text: describeFailure(error) }
    }
    this.confirming = false
    void this.updateComplete.then(() => revealMessage(this, 'move'))
  }

  private async undo(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement
    this.busy = true
    try {
      const { to } = await api.revertPhase(this.congressId, field.value)
      this.message = { at: 'undo', ok: true, text: t().dash.undoDone(t().phaseNames[to]) }
      this.messagePhase = to
      this.undoing = false
      this.reasonDirty = false
    } catch (error) {
      this.message = { at: 'undo', ok: false, text: describeFailure(error) }
    }
    this.busy = false
    void this.updateComplete.then(() => revealMessage(this, 'undo'))
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
              : html`<button type="button" class="primary" ?disabled=${!target} @click=${() => (this.confirming = true)}>${m.phaseApply}</button>`}
            ${messageSlot('move', this.message)}`}
        ${choices.length === 0 ? nothing : this.renderUndo()}
      </section>
    `
  }

  /** Undoing the last move: offered unless the dashboard knows there is none, or that it no longer can be. */
  private renderUndo() {
    const m = t().dash
    const move = this.lastMove
    if (move === null) return messageSlot('undo', this.message)
    const time = (iso: string) => timeWords(iso, this.timeZone ?? defaultTimeZone, language())
    const last = move ? html`<p class="hint">${m.lastMove(t().phaseNames[move.from], t().phaseNames[move.to], move.by, time(move.at))}</p>` : nothing
    if (move && !move.undoable) return html`${last}<p class="hint">${m.undoNotPossible}</p>${messageSlot('undo', this.message)}`
    if (!this.undoing) {
      return html`${last}<button type="button" class="secondary phase-undo-open" @click=${() => ((this.undoing = true), (this.message = undefined))}>${m.undoOpen}</button>
        ${messageSlot('undo', this.message)}`
    }
    return html`<form class="phase-undo" aria-labelledby="phase-undo-heading" @submit=${this.undo}>
        <h3 id="phase-undo-heading">${m.undoHeading}</h3>
        <p class="hint" id="phase-undo-help">${m.undoHelp}</p>
        <label for="phase-undo-reason">${m.undoReason}</label>
        <textarea id="phase-undo-reason" name="reason" required maxlength="500" rows="2" aria-describedby="phase-undo-help"
          @input=${(e: Event) => (this.reasonDirty = (e.currentTarget as HTMLTextAreaElement).value.trim() !== '')}></textarea>
        <div>
          <button type="submit" class="primary" ?disabled=${this.busy}>${m.undoConfirm}</button>
          <button type="button" class="secondary" @click=${() => ((this.undoing = false), (this.reasonDirty = false))}>${m.undoCancel}</button>
          ${unsavedHint(this.reasonDirty, t().am.unsaved)}
        </div>
      </form>
      ${messageSlot('undo', this.message)}`
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('phase') && this.message?.ok && this.messagePhase !== this.phase) this.message = undefined
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('confirming') && this.confirming) this.querySelector<HTMLButtonElement>('.confirm .primary')?.focus()
    if (changed.has('undoing') && this.undoing) this.querySelector<HTMLTextAreaElement>('#phase-undo-reason')?.focus()
  }
}

customElements.define('plenum-phase-control', PhaseControl)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-phase-control': PhaseControl
  }
}
