import { describeFailure } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing, type TemplateResult } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import type * as Y from 'yjs'
import type { AmendmentDetailView, CongressView, ParticipantView } from '../../shared/api-types.ts'
import { canTakeStep, editableStatuses } from '../../shared/amendments/amendment-status.ts'
import { canEditAmendment, isAllowed, type Action } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { participantColor } from '../../shared/participant-color.ts'
import { paths } from '../router.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { messageSlot, revealMessage, unsavedHint, type ActionMessage } from './action-message.ts'
import './amendment-bureau.ts'
import './amendment-family.ts'
import './cosign-invite.ts'
import './doc-editor.ts'
import './live-diff.ts'
import { withColon } from '../i18n/colon.ts'

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/**
 * One amendment: its diff against the text it amends, live; its own text, co-edited by its authors;
 * its statement of reasons, co-signers, and the bureau's decisions.
 */
export class AmendmentPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    amendmentId: { attribute: false },
    revision: { attribute: false },
    amendmentDoc: { state: true },
    message: { state: true },
    busy: { state: true },
    justificationDraft: { state: true },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare phase: Phase
  declare amendmentId: string
  /** Grows when amendments change anywhere in the congress: the page reads this one again. */
  declare revision: number
  declare amendmentDoc: Y.Doc | undefined
  /** The last action's answer, shown under the button that caused it. */
  declare message: ActionMessage | undefined
  declare busy: boolean
  /** The justification as typed, until it is saved (or filed with the amendment). */
  declare justificationDraft: string | undefined
  private unguard?: () => void

  private readonly task = new Task(this, {
    task: ([id]: readonly [string, number]) => api.amendment(id),
    args: () => [this.amendmentId, this.revision] as const,
  })

  override connectedCallback(): void {
    super.connectedCallback()
    this.unguard = guardUnsaved(() => this.justificationUnsaved())
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another amendment in the same element: the last one's draft and message are not its own.
    if (changed.has('amendmentId') && changed.get('amendmentId') !== undefined) {
      this.justificationDraft = undefined
      this.message = undefined
    }
    // The justification's form gone with a live update (filed or withdrawn by a co-author, the phase
    // moved on): its draft can no longer be saved, so it no longer holds the page (review item 3).
    const a = this.task.value
    if (this.justificationDraft !== undefined && a && !this.mayWrite(a)) this.justificationDraft = undefined
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unguard?.()
  }

  /** The justification holds text its save button has not sent. */
  private justificationUnsaved(): boolean {
    const a = this.task.value
    return this.justificationDraft !== undefined && a !== undefined && this.justificationDraft !== a.justification
  }

  private allowed(action: Action): boolean {
    return isAllowed({ role: this.participant.role, phase: this.phase, action })
  }

  /** The same rule as the socket and the commands: role and phase, status, author or accepted co-signer. */
  private mayWrite(a: AmendmentDetailView): boolean {
    return canEditAmendment({ participantId: this.participant.id, congressId: this.participant.congressId, role: this.participant.role }, this.phase, a)
  }

  /** Runs a step; its answer (or its failure) shows under the buttons of `at`, kept in view as the page redraws. */
  private async act(at: string, run: () => Promise<unknown>, done: string = t().actionDone, confirmText?: string): Promise<void> {
    if (confirmText && !confirm(confirmText)) return
    this.busy = true
    this.message = undefined
    try {
      await run()
      this.message = { at, text: done, ok: true }
      await this.task.run()
    } catch (error) {
      this.message = { at, text: describeFailure(error), ok: false }
    } finally {
      this.busy = false
      await this.updateComplete
      revealMessage(this, at)
    }
  }

  private targetLabel(a: AmendmentDetailView): { text: string; href: string } {
    const m = t()
    if (a.proposalNumber === null) return { text: m.preamble, href: paths.preamble(this.congress.id) }
    const proposal = this.congress.proposals.find((p) => p.id === a.proposalId)
    return { text: `${m.proposalLabel(a.proposalNumber)}${proposal ? ` — ${proposal.title}` : ''}`, href: paths.proposal(this.congress.id, a.proposalNumber) }
  }

  override render() {
    const m = t()
    const a = this.task.value
    if (!a) {
      return this.task.render({
        pending: () => html`<p role="status">${m.loading}</p>`,
        error: (error) => html`<p class="error" role="alert">${error instanceof ApiError && error.status === 404 ? m.amendmentNotFound : describeFailure(error)}</p>`,
      })
    }
    const target = this.targetLabel(a)
    const mayEdit = this.mayWrite(a)
    const editable = editableStatuses.includes(a.status) && this.allowed('amendment.file')
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb">
        <a href=${paths.congress(this.congress.id)}>${this.congress.title}</a> ›
        <a href=${target.href}>${a.proposalNumber === null ? m.preamble : m.proposalShort(a.proposalNumber)}</a> ›
        <a href=${paths.amendments(this.congress.id)}>${m.amendments}</a>
      </nav>
      <header class="text-header">
        <p class="kicker">${m.amendments}</p>
        <h1>
          ${a.label} <span class="status-badge" data-status=${a.status}>${m.amendmentStatus[a.status]}</span>
          ${a.rectifiedAt !== null ? html`<span class="status-badge" data-status="rectified">${m.rectified}</span>` : nothing}
        </h1>
        <p class="theme-name"><a href=${target.href}>${m.amendmentTarget(target.text)}</a></p>
        <p class="authors">${m.amendmentBy([a.author.name, ...a.cosigners.filter((c) => c.accepted).map((c) => c.name)].join(', '))}</p>
      </header>
      ${a.competing.length > 0 ? html`<p class="notice competing">${m.amendmentCompetingWith(a.competing.join(', '))}</p>` : nothing}
      ${a.fallenBy ? html`<p class="notice fallen">${a.fallenBy === a.parentLabel ? m.subAmendmentFellWithParent(a.fallenBy) : m.amendmentFallen(a.fallenBy)}</p>` : nothing}
      ${a.overlapsMerged.length > 0 && a.status !== 'merged' && a.status !== 'fallen' ? html`<p class="notice overlaps">${m.amendmentOverlapsMerged(a.overlapsMerged.join(', '))}</p>` : nothing}

      <section class="card" aria-labelledby="diff-heading">
        <h2 id="diff-heading">${a.status === 'merged' ? m.amendmentMergedDiff : m.amendmentDiffHeading}</h2>
        <p class="hint">${m.amendmentDiffLegend}</p>
        ${keyed(
          a.id,
          html`<plenum-live-diff
            .targetDocName=${a.targetDocName}
            .forkVector=${fromBase64(a.forkVector)}
            .mergedOnto=${a.mergedOnto ? fromBase64(a.mergedOnto) : undefined}
            .amendmentDoc=${this.amendmentDoc}
          ></plenum-live-diff>`,
        )}
        ${a.status === 'adopted' && a.overlapsMerged.length > 0 ? html`<p class="hint">${m.mergeReviewHelp}</p>` : nothing}
      </section>
      <plenum-amendment-family
        .congress=${this.congress}
        .participant=${this.participant}
        .phase=${this.phase}
        .amendment=${a}
        @amendment-changed=${() => this.task.run()}
      ></plenum-amendment-family>

      ${this.renderText(a, mayEdit)} ${this.renderJustification(a, mayEdit)} ${this.renderPeople(a, editable)}
      ${this.renderAuthorActions(a)}
      <plenum-amendment-bureau
        .congress=${this.congress}
        .participant=${this.participant}
        .phase=${this.phase}
        .amendment=${a}
        @amendment-changed=${() => this.task.run()}
      ></plenum-amendment-bureau>
    `
  }

  private renderText(a: AmendmentDetailView, writing: boolean) {
    const m = t()
    const editor = keyed(
      a.docName,
      html`<plenum-doc-editor
        doc-name=${a.docName}
        .label=${a.label}
        .user=${{ name: this.participant.name, color: participantColor(this.participant.id) }}
        .roleName=${m.roleLabel[this.participant.role]}
        @doc-ready=${(e: CustomEvent<Y.Doc>) => (this.amendmentDoc = e.detail)}
      ></plenum-doc-editor>`,
    )
    // Authors write here; everyone else reads the amended text whole if they wish.
    return writing
      ? html`<section class="card" aria-labelledby="text-heading">
          <h2 id="text-heading">${m.amendmentTextHeading}</h2>
          <p class="hint">${m.amendmentTextHelp} ${m.am.textSavesItself}</p>
          ${editor}
        </section>`
      : html`<details class="card amendment-text"><summary><h2>${m.amendmentTextHeading}</h2></summary>${editor}</details>`
  }

  private renderJustification(a: AmendmentDetailView, writing: boolean) {
    const m = t()
    if (!writing) {
      return html`<section class="card" aria-labelledby="justification-heading">
        <h2 id="justification-heading">${m.justificationHeading}</h2>
        ${a.justification ? html`<p class="justification">${a.justification}</p>` : html`<p class="hint">${m.justificationEmpty}</p>`}
      </section>`
    }
    const save = (event: SubmitEvent) => {
      event.preventDefault()
      const text = String(new FormData(event.target as HTMLFormElement).get('justification') ?? '')
      void this.act('justification', async () => {
        await api.updateJustification(a.id, text)
        this.justificationDraft = undefined
      }, m.am.justificationSaved)
    }
    // The typed text stays when the amendment is read again (someone else's change elsewhere on it).
    return html`<section class="card" aria-labelledby="justification-heading">
      <h2 id="justification-heading">${m.justificationHeading}</h2>
      <form @submit=${save} class="stacked">
        <label for="justification">${m.justificationLabel}</label>
        <textarea
          id="justification"
          name="justification"
          rows="5"
          maxlength="20000"
          required
          .value=${this.justificationDraft ?? a.justification}
          @input=${(e: Event) => (this.justificationDraft = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="form-actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${m.save}</button> ${unsavedHint(this.justificationUnsaved(), m.am.unsaved)}
        </p>
      </form>
      ${messageSlot('justification', this.message)}
    </section>`
  }

  private renderPeople(a: AmendmentDetailView, editable: boolean) {
    const m = t()
    const me = this.participant.id
    const isAuthor = a.author.id === me
    const mine = a.cosigners.find((c) => c.id === me)
    // A rewording is the bureau's proposal to an author, not a text others put their names to; the
    // bureau, which rules on the amendment, is not offered to put its name to it as a delegate would.
    const canCosign = editable && this.allowed('amendment.cosign') && !isAuthor && !a.rewording && this.participant.role !== 'bureau'
    const accepted = a.cosigners.filter((c) => c.accepted).length
    return html`<section class="card" aria-labelledby="people-heading">
      <h2 id="people-heading">${m.authorsHeading}</h2>
      <p><span class="label">${withColon(m.authorLabel)}</span> ${a.author.name}</p>
      <h3>${m.cosignersLabel}</h3>
      ${a.cosigners.length === 0 ? html`<p class="hint">${m.cosignersNone}</p>` : nothing}
      <ul class="cosigners">
        ${a.cosigners.map(
          (c) => html`<li data-cosigner=${c.id}>
            ${c.name} ${c.accepted ? nothing : html`<span class="hint">(${m.cosignerPending})</span>`}
            ${isAuthor && editable && !c.accepted
              ? html`<button type="button" class="small" aria-label=${m.cosignAccept(c.name)} ?disabled=${this.busy} @click=${() => this.act('people', () => api.acceptCosigner(a.id, c.id))}>${m.accept}</button>`
              : nothing}
            ${isAuthor && editable
              ? html`<button type="button" class="small secondary" aria-label=${m.cosignDecline(c.name)} ?disabled=${this.busy} @click=${() => this.act('people', () => api.removeCosigner(a.id, c.id))}>${m.decline}</button>`
              : nothing}
          </li>`,
        )}
      </ul>
      ${a.minCosigners > 0 && a.status === 'draft' ? html`<p class="hint">${m.cosignersNeeded(a.minCosigners, accepted)}</p>` : nothing}
      ${canCosign && !mine ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.act('people', () => api.cosignAmendment(a.id))}>${m.cosign}</button>` : nothing}
      ${canCosign && mine ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.act('people', () => api.removeCosigner(a.id, me))}>${m.cosignWithdraw}</button>` : nothing}
      ${messageSlot('people', this.message)}
      <plenum-cosign-invite .amendmentId=${a.id} .revision=${this.revision}></plenum-cosign-invite>
    </section>`
  }

  private renderAuthorActions(a: AmendmentDetailView) {
    const m = t()
    if (a.author.id !== this.participant.id) return nothing
    const buttons: TemplateResult[] = []
    const submitting = canTakeStep(a.status, 'submit') && this.allowed('amendment.file')
    if (submitting) buttons.push(html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.submit(a)}>${m.submitAmendment}</button>`)
    if (canTakeStep(a.status, 'withdraw') && this.allowed('amendment.withdraw')) {
      buttons.push(html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.act('author', () => api.withdrawAmendment(a.id), undefined, m.withdrawConfirm)}>${m.withdrawAmendment}</button>`)
    }
    // The slot stays once the buttons are gone: the filing's confirmation shows where they were.
    return html`${buttons.length ? html`<p class="actions author-actions">${buttons}</p>` : nothing}
      ${submitting && this.justificationUnsaved() ? html`<p class="hint">${m.am.submitSavesFirst}</p>` : nothing} ${messageSlot('author', this.message)}`
  }

  /** Files the amendment with its justification as typed: an unsaved justification is saved first, then the amendment submitted. */
  private submit(a: AmendmentDetailView): Promise<void> {
    return this.act(
      'author',
      async () => {
        const draft = this.justificationDraft
        if (draft !== undefined && draft !== a.justification) await api.updateJustification(a.id, draft)
        await api.submitAmendment(a.id)
        // Only now: had the filing failed, the textarea would show the text read before the save (review item 16).
        if (this.justificationDraft === draft) this.justificationDraft = undefined
      },
      t().am.submitted,
    )
  }
}

customElements.define('plenum-amendment-page', AmendmentPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendment-page': AmendmentPage
  }
}
