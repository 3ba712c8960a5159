import { html, nothing } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import { bureauOpinions, isBureauOpinion } from '../../shared/amendments/bureau-opinion.ts'
import { canTakeStep } from '../../shared/amendments/amendment-status.ts'
import type { AmendmentDetailView, CongressView, ParticipantView } from '../../shared/api-types.ts'
import { isAllowed, type Action } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { dateTimeWords } from '../../shared/record/record-dates.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { messageSlot, revealMessage, unsavedHint, type ActionMessage } from './action-message.ts'

/** The bureau's forms on an amendment's page, each keyed for its message and its unsaved state. */
type BureauForm = 'opinion' | 'ruling' | 'ruling-change' | 'decision'

/**
 * The bureau's part of an amendment's page: its opinion (avis), its ruling on admissibility — who
 * ruled, when and why, then a change of ruling with a reason while nothing stands on it — and its
 * decision without a vote, each asking first what it does. Everyone reads the opinion and the ruling.
 */
export class AmendmentBureau extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    amendment: { attribute: false },
    busy: { state: true },
    message: { state: true },
    dirty: { state: true },
    changeOpen: { state: true },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare phase: Phase
  declare amendment: AmendmentDetailView
  declare busy: boolean
  declare message: ActionMessage | undefined
  /** The forms holding text not yet sent. */
  declare dirty: ReadonlySet<BureauForm>
  /** The change-of-ruling <details> as its reader left it: emptying its reason must not shut it (review item 7). */
  declare changeOpen: boolean
  private unguard?: () => void
  /** The button last pressed: if a redraw removes it, focus goes to its section's heading, not to the page's top. */
  private pressed?: Element | null

  constructor() {
    super()
    this.busy = false
    this.dirty = new Set()
    this.changeOpen = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.unguard = guardUnsaved(() => this.dirty.size > 0)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unguard?.()
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another amendment in the same element: the last one's forms and message are not its own.
    const before = changed.get('amendment') as AmendmentDetailView | undefined
    if (before && before.id !== this.amendment.id) {
      this.dirty = new Set()
      this.message = undefined
      this.changeOpen = false
      this.pressed = undefined
    }
    // A form gone with a live update (another member ruled, the status moved on): its text can no
    // longer be sent, so it no longer holds the page (review item 3).
    if (this.amendment && this.dirty.size > 0) {
      const shown = this.formsShown(this.amendment)
      const kept = [...this.dirty].filter((form) => shown.has(form))
      if (kept.length !== this.dirty.size) this.dirty = new Set(kept)
    }
  }

  override updated(): void {
    // The pressed button is gone (adopted, rejected, ruled) and focus with it: it goes to the heading
    // of the section where the answer shows, so the keyboard stays there (review item 6).
    if (!this.pressed || this.pressed.isConnected || this.message === undefined) return
    if (document.activeElement && document.activeElement !== document.body) return
    const heading = this.querySelector(`[data-message-for="${this.message.at}"]`)?.closest('section')?.querySelector<HTMLElement>('h2')
    this.pressed = undefined
    if (!heading) return
    heading.tabIndex = -1
    heading.focus()
  }

  /** The forms this amendment's panels show now: the same conditions as their render. */
  private formsShown(a: AmendmentDetailView): ReadonlySet<BureauForm> {
    const shown = new Set<BureauForm>()
    if (canTakeStep(a.status, 'opinion') && this.allowed('amendment.opinion')) shown.add('opinion')
    const bureau = this.allowed('amendment.rule') && !a.rewording
    if (canTakeStep(a.status, 'rule') && bureau) shown.add('ruling')
    if (canTakeStep(a.status, 'change_ruling') && bureau && a.rulingChangeable) shown.add('ruling-change')
    return shown
  }

  private allowed(action: Action): boolean {
    return isAllowed({ role: this.participant.role, phase: this.phase, action })
  }

  private markDirty(form: BureauForm, dirty: boolean): void {
    if (this.dirty.has(form) === dirty) return
    const next = new Set(this.dirty)
    if (dirty) next.add(form)
    else next.delete(form)
    this.dirty = next
  }

  /** Runs a step; its answer (or its failure) shows under the form's buttons, and the page reads the amendment again. */
  private async act<T>(at: BureauForm, run: () => Promise<T>, done: (answer: T) => string, confirmText?: string): Promise<void> {
    if (confirmText && !confirm(confirmText)) return
    // A ruling and its change answer in the same place: the ruling's panel, whose buttons change with it.
    const slot = at === 'ruling-change' ? 'ruling' : at
    this.pressed = document.activeElement
    this.busy = true
    this.message = undefined
    try {
      const answer = await run()
      this.markDirty(at, false)
      if (at === 'ruling-change') this.changeOpen = false
      this.message = { at: slot, text: done(answer), ok: true }
      this.dispatchEvent(new CustomEvent('amendment-changed', { bubbles: true }))
    } catch (error) {
      this.message = { at: slot, text: describeFailure(error), ok: false }
    } finally {
      this.busy = false
      await this.updateComplete
      revealMessage(this, slot)
    }
  }

  override render() {
    // Keyed: another amendment's page gets fresh forms, not the text typed for this one.
    return keyed(this.amendment.id, html`${this.renderOpinion(this.amendment)} ${this.renderRuling(this.amendment)} ${this.renderDecision(this.amendment)}`)
  }

  /** The bureau's opinion: shown to everyone once given; the bureau gives or changes it while the amendment waits for its vote. */
  private renderOpinion(a: AmendmentDetailView) {
    const m = t()
    const may = canTakeStep(a.status, 'opinion') && this.allowed('amendment.opinion')
    if (!may && !a.opinion) return nothing
    const values = (form: HTMLFormElement) => {
      const data = new FormData(form)
      return { opinion: String(data.get('opinion') ?? ''), comment: String(data.get('comment') ?? '') }
    }
    const changed = (event: Event) => {
      const { opinion, comment } = values(event.currentTarget as HTMLFormElement)
      this.markDirty('opinion', opinion !== (a.opinion?.opinion ?? '') || comment !== (a.opinion?.comment ?? ''))
    }
    const give = (event: SubmitEvent) => {
      event.preventDefault()
      const { opinion, comment } = values(event.target as HTMLFormElement)
      if (!isBureauOpinion(opinion)) return
      void this.act('opinion', () => api.giveOpinion(a.id, opinion, comment), () => m.am.opinionSaved)
    }
    return html`<section class="card bureau-opinion" aria-labelledby="opinion-heading">
      <h2 id="opinion-heading">${m.opinionHeading}</h2>
      ${a.opinion
        ? html`<p class="opinion-given"><strong>${m.opinionNames[a.opinion.opinion]}</strong>${a.opinion.comment ? html` — ${a.opinion.comment}` : nothing}</p>`
        : html`<p class="hint">${m.opinionNone}</p>`}
      ${may
        ? html`<form class="stacked" @submit=${give} @input=${changed} @change=${changed}>
            <fieldset>
              <legend>${a.opinion ? m.opinionChange : m.opinionGive}</legend>
              ${bureauOpinions.map(
                (o) => html`<label class="choice"><input type="radio" name="opinion" value=${o} required ?checked=${a.opinion?.opinion === o} /> ${m.opinionNames[o]}</label>`,
              )}
            </fieldset>
            <label for="opinion-comment">${m.opinionComment}</label>
            <textarea id="opinion-comment" name="comment" rows="2" maxlength="2000" .value=${a.opinion?.comment ?? ''}></textarea>
            <p class="form-actions">
              <button type="submit" class="primary" ?disabled=${this.busy}>${m.opinionSubmit}</button> ${unsavedHint(this.dirty.has('opinion'), m.am.unsaved)}
            </p>
          </form>`
        : nothing}
      ${may ? messageSlot('opinion', this.message) : nothing}
    </section>`
  }

  /** Who ruled, when and why; the first ruling's two buttons, or once ruled, its change with a reason. */
  private renderRuling(a: AmendmentDetailView) {
    const m = t()
    const bureau = this.allowed('amendment.rule')
    const first = canTakeStep(a.status, 'rule') && bureau && !a.rewording
    const changeable = canTakeStep(a.status, 'change_ruling') && bureau && !a.rewording
    if (!first && !a.ruled && !a.rulingReason) return nothing
    const admissible = a.status !== 'inadmissible'
    const reasonTyped = (form: BureauForm) => (event: Event) => this.markDirty(form, (event.target as HTMLTextAreaElement).value.trim() !== '')
    const rule = (ruling: boolean) => (event: Event) => {
      const form = (event.target as HTMLElement).closest('form')!
      if (!ruling && !form.reportValidity()) return
      const reason = String(new FormData(form).get('reason') ?? '')
      void this.act('ruling', () => api.ruleAmendment(a.id, ruling, reason), () => m.am.ruled(ruling))
    }
    const change = (event: SubmitEvent) => {
      event.preventDefault()
      const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '')
      void this.act('ruling-change', () => api.changeRuling(a.id, !admissible, reason), () => m.am.rulingChanged(!admissible))
    }
    return html`<section class="card bureau-decision" aria-labelledby="ruling-heading">
      <h2 id="ruling-heading">${m.rulingHeading}</h2>
      ${a.ruled
        ? html`<p class="ruling-summary">
            <strong>${m.am.ruledBy(admissible, a.ruled.by, dateTimeWords(new Date(a.ruled.at).toISOString(), this.congress.timeZone, language()))}</strong>
          </p>`
        : nothing}
      ${a.rulingReason ? html`<p class="ruling-reason"><span class="label">${m.am.reasonLabel}</span> ${a.rulingReason}</p>` : nothing}
      ${first
        ? html`<form class="stacked" @submit=${(e: Event) => e.preventDefault()}>
              <label for="ruling-reason">${m.rulingReasonLabel}</label>
              <textarea id="ruling-reason" name="reason" rows="3" maxlength="2000" required @input=${reasonTyped('ruling')}></textarea>
              <p class="actions">
                <button type="button" class="primary" ?disabled=${this.busy} @click=${rule(true)}>${m.ruleAdmissible}</button>
                <button type="button" class="danger" ?disabled=${this.busy} @click=${rule(false)}>${m.ruleInadmissible}</button>
                ${unsavedHint(this.dirty.has('ruling'), m.am.unsaved)}
              </p>
            </form>`
        : nothing}
      ${changeable && a.rulingChangeable
        ? html`<details
            class="ruling-change"
            ?open=${this.changeOpen || (this.message?.at === 'ruling' && !this.message.ok)}
            @toggle=${(e: Event) => (this.changeOpen = (e.currentTarget as HTMLDetailsElement).open)}
          >
            <summary>${m.am.rulingChangeHeading}</summary>
            <form class="stacked" @submit=${change}>
              <p class="hint">${m.am.rulingChangeHelp(admissible)}</p>
              <label for="ruling-change-reason">${m.am.rulingChangeReason}</label>
              <textarea id="ruling-change-reason" name="reason" rows="3" maxlength="2000" required @input=${reasonTyped('ruling-change')}></textarea>
              <p class="form-actions">
                <button type="submit" class=${admissible ? 'danger' : 'primary'} ?disabled=${this.busy}>${m.am.rulingChangeTo(admissible)}</button>
                ${unsavedHint(this.dirty.has('ruling-change'), m.am.unsaved)}
              </p>
            </form>
          </details>`
        : nothing}
      ${changeable && !a.rulingChangeable ? html`<p class="hint">${m.am.rulingFixed}</p>` : nothing}
      ${bureau ? messageSlot('ruling', this.message) : nothing}
    </section>`
  }

  /** Adopting or rejecting without a vote, or merging an adopted amendment held back: each says first what it does. */
  private renderDecision(a: AmendmentDetailView) {
    const m = t()
    if (!this.allowed('amendment.decide') || a.rewording) return nothing
    const adopt = canTakeStep(a.status, 'adopt')
    const merge = canTakeStep(a.status, 'merge')
    // Decided: the buttons are gone, but their answer stays where they were (review item 6).
    if (!adopt && !merge && this.message?.at !== 'decision') return nothing
    const text = a.proposalNumber === null ? m.preamble : m.proposalLabel(a.proposalNumber)
    return html`<section class="card bureau-decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">${m.am.decisionHeading}</h2>
      ${adopt
        ? html`<p class="hint">${m.am.decisionHelp}</p>
            <p class="actions">
              <button
                type="button"
                class="primary"
                ?disabled=${this.busy}
                @click=${() => this.act('decision', () => api.decideAmendment(a.id, 'adopted'), (r) => m.am.adopted(r.status === 'merged'), m.am.adoptConfirm(a.label, text))}
              >
                ${m.adopt}
              </button>
              <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.act('decision', () => api.decideAmendment(a.id, 'rejected'), () => m.am.rejected, m.am.rejectConfirm(a.label))}>
                ${m.reject}
              </button>
            </p>`
        : nothing}
      ${merge
        ? html`<p class="actions">
            <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.act('decision', () => api.mergeAmendment(a.id), () => m.am.merged, m.am.mergeConfirm(a.label))}>
              ${m.mergeReviewed}
            </button>
          </p>`
        : nothing}
      ${messageSlot('decision', this.message)}
    </section>`
  }
}

customElements.define('plenum-amendment-bureau', AmendmentBureau)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendment-bureau': AmendmentBureau
  }
}
