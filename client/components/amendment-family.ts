import { html, nothing } from 'lit'
import type { AmendmentDetailView, AmendmentView, CongressView, ParticipantView } from '../../shared/api-types.ts'
import { isAllowed, type Action } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { navigate, paths } from '../router.ts'

/** An amendment that may be amended: filed and not yet decided (as the server's resolveTarget). */
const amendable = (a: AmendmentDetailView) => (a.status === 'submitted' || a.status === 'admissible') && a.parentId === null

/**
 * An amendment's family on its page: for an amendment, its sub-amendments and the rewordings the
 * bureau proposed, with the buttons to file one; for a sub-amendment or a rewording, the amendment
 * it amends and, for the rewording, its author's answer.
 */
export class AmendmentFamily extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    amendment: { attribute: false },
    busy: { state: true },
    failure: { state: true },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare phase: Phase
  declare amendment: AmendmentDetailView
  declare busy: boolean
  declare failure: string | undefined

  private allowed(action: Action): boolean {
    return isAllowed({ role: this.participant.role, phase: this.phase, action })
  }

  /** Runs a step; `then` gets its answer (to open a new sub-amendment's page, say). */
  private async act<T>(run: () => Promise<T>, then: (answer: T) => void, confirmText?: string): Promise<void> {
    if (confirmText && !confirm(confirmText)) return
    this.busy = true
    this.failure = undefined
    try {
      then(await run())
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  private changed = () => this.dispatchEvent(new CustomEvent('amendment-changed', { bubbles: true }))

  override render() {
    const a = this.amendment
    return html`${a.parent ? this.renderParent(a, a.parent) : this.renderChildren(a)}
      <div aria-live="polite">${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}</div>`
  }

  private link(view: Pick<AmendmentView, 'id' | 'label'>) {
    return html`<a href=${paths.amendment(this.congress.id, view.id)}>${view.label}</a>`
  }

  private renderParent(a: AmendmentDetailView, parent: NonNullable<AmendmentDetailView['parent']>) {
    const m = t()
    const answering = a.rewording && a.status === 'submitted' && parent.authorId === this.participant.id && this.allowed('amendment.withdraw')
    return html`<section class="card amendment-parent" aria-labelledby="parent-heading">
      <h2 id="parent-heading">${a.rewording ? m.rewordingOf : m.subAmendmentOf} ${this.link(parent)}</h2>
      ${a.rewording ? html`<p class="hint">${a.status === 'submitted' ? m.rewordingPending : m.amendmentStatus[a.status]}</p>` : html`<p class="hint">${m.subAmendmentsHelp}</p>`}
      ${answering
        ? html`<p>${m.rewordingAnswerHelp(parent.label)}</p>
            <p class="actions">
              <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.act(() => api.answerRewording(a.id, true, a.resultDigest), this.changed, m.acceptRewordingConfirm)}>
                ${m.acceptRewording}
              </button>
              <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.act(() => api.answerRewording(a.id, false, a.resultDigest), this.changed)}>${m.declineRewording}</button>
            </p>`
        : nothing}
    </section>`
  }

  private renderChildren(a: AmendmentDetailView) {
    const m = t()
    const mayFile = amendable(a) && this.allowed('amendment.file')
    const mayReword = amendable(a) && this.allowed('amendment.opinion') && this.allowed('amendment.file')
    const open = (filed: { id: string }) => navigate(paths.amendment(this.congress.id, filed.id))
    const row = (v: AmendmentView) =>
      html`<li>${this.link(v)} <span class="status-badge" data-status=${v.status}>${m.amendmentStatus[v.status]}</span> — ${v.author.name}</li>`
    return html`<section class="card sub-amendments" aria-labelledby="subs-heading">
        <h2 id="subs-heading">${m.subAmendmentsHeading}</h2>
        ${a.subAmendments.length === 0 ? html`<p class="hint">${m.subAmendmentsNone}</p>` : html`<ul class="plain-list">${a.subAmendments.map(row)}</ul>`}
        ${mayFile
          ? html`<p class="hint">${m.subAmendmentsHelp}</p>
              <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.act(() => api.fileSubAmendment(a.id), open)}>${m.fileSubAmendment}</button>`
          : nothing}
      </section>
      ${a.rewordings.length > 0 || mayReword
        ? html`<section class="card rewordings" aria-labelledby="rewordings-heading">
            <h2 id="rewordings-heading">${m.rewordingsHeading}</h2>
            ${a.rectifiedAt !== null ? html`<p class="notice">${m.rectifiedOn(new Date(a.rectifiedAt).toLocaleString(language() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }))}</p>` : nothing}
            ${a.rewordings.length > 0 ? html`<ul class="plain-list">${a.rewordings.map(row)}</ul>` : nothing}
            ${mayReword
              ? html`<p class="hint">${m.rewordingHelp}</p>
                  <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.act(() => api.proposeRewording(a.id), open)}>${m.proposeRewording}</button>`
              : nothing}
          </section>`
        : nothing}`
  }
}

customElements.define('plenum-amendment-family', AmendmentFamily)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendment-family': AmendmentFamily
  }
}
