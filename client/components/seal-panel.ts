import { describeFailure } from '../i18n/errors/index.ts'
import { Task, TaskStatus } from '@lit/task'
import { html, nothing } from 'lit'
import type { DeliveryView, FreezeCheckView } from '../../shared/api-types.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { dayWords } from '../../shared/record/record-dates.ts'
import { api, ApiError } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './delivery-slip.ts'
import { withColon } from '../i18n/colon.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { unsavedHint } from './action-message.ts'

/**
 * On the bureau's page: freezing the motion for good, then recording its deliveries to advisors.
 * Before the freeze it lists what would be sealed unfinished; with anything listed, the freeze waits
 * for a ticked box that names it, then the usual confirmation.
 */
export class SealPanel extends LightElement {
  static override properties = { congressId: { attribute: false }, phase: { attribute: false }, failure: { state: true }, notice: { state: true }, busy: { state: true }, confirmed: { state: true }, confirmFailure: { state: true }, delivered: { state: true }, deliveryDirty: { state: true } }
  declare congressId: string
  declare phase: Phase
  declare failure: string | undefined
  declare notice: string | undefined
  declare busy: boolean
  /** The box naming what is outstanding is ticked, for the summary it named then. */
  declare confirmed: string | undefined
  /** Said next to the freeze button when it is pressed without the box ticked. */
  declare confirmFailure: string | undefined
  /** The delivery just recorded, with its advisor's code (shown this once) for its slip. */
  declare delivered: DeliveryView | undefined
  /** The delivery form holds typing its button has not recorded: leaving the page asks first. */
  declare deliveryDirty: boolean
  private unguard: (() => void) | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    this.deliveryDirty = false
    this.unguard = guardUnsaved(() => this.deliveryDirty)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unguard?.()
  }

  private readonly deliveries = new Task(this, {
    task: async ([id, phase]: readonly [string, Phase]) => (isAllowed({ role: 'bureau', phase, action: 'delivery.record' }) ? (await api.deliveries(id)).deliveries : []),
    args: () => [this.congressId, this.phase] as const,
  })

  private readonly check = new Task(this, {
    task: async ([id, phase]: readonly [string, Phase]) => (isAllowed({ role: 'bureau', phase, action: 'congress.freeze' }) ? api.freezeCheck(id) : undefined),
    args: () => [this.congressId, this.phase] as const,
  })

  private async act(run: () => Promise<string | undefined>): Promise<void> {
    this.busy = true
    this.failure = undefined
    this.notice = undefined
    try {
      this.notice = await run()
      void this.deliveries.run()
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  private reading = false

  private async freeze(): Promise<void> {
    const m = t()
    this.confirmFailure = undefined
    // Read again at the press: what the box named must still be all that is outstanding.
    // A second press meanwhile does nothing (the button stays enabled: disabling it would drop its focus).
    if (this.reading) return
    this.reading = true
    await this.check.run().finally(() => (this.reading = false))
    const check = this.check.status === TaskStatus.COMPLETE ? this.check.value : undefined
    if (!check) {
      this.confirmFailure = m.desk.checkFailed
      return
    }
    const summary = outstandingSummary(check)
    if (summary !== undefined && this.confirmed !== summary) {
      this.confirmFailure = this.confirmed === undefined ? m.desk.confirmNeeded : m.desk.listChanged
      this.confirmed = undefined
      this.querySelector<HTMLInputElement>('#freeze-anyway')?.focus()
      return
    }
    if (!confirm(m.v.freezeConfirm)) return
    await this.act(async () => m.v.frozenDone((await api.freeze(this.congressId)).manifestSha256))
  }

  private renderCheck() {
    const m = t()
    // While read again (at the press), the list read before stays: the box and its focus with it.
    const check = this.check.value
    if (this.check.status === TaskStatus.ERROR) return html`<p role="alert" class="error">${m.desk.checkFailed}</p>`
    if (!check) return this.check.status === TaskStatus.PENDING ? html`<p role="status">${m.desk.checkLoading}</p>` : nothing
    const summary = outstandingSummary(check)
    return html`<section class=${summary === undefined ? 'freeze-check' : 'freeze-check outstanding'} aria-labelledby="freeze-check-heading">
        <h3 id="freeze-check-heading">${m.desk.checkHeading}</h3>
        ${summary === undefined ? html`<p>${m.desk.nothingOutstanding}</p>` : html`<ul class="freeze-check-list">${this.renderItems(check)}</ul>`}
      </section>
      ${summary === undefined
        ? nothing
        : html`<div class="freeze-confirm">
            <input type="checkbox" id="freeze-anyway" .checked=${this.confirmed === summary} @change=${(e: Event) => this.tick((e.currentTarget as HTMLInputElement).checked, summary)} />
            <label for="freeze-anyway">${summary}</label>
          </div>`}`
  }

  private tick(checked: boolean, summary: string): void {
    this.confirmed = checked ? summary : undefined
    if (checked) this.confirmFailure = undefined
  }

  private renderItems(check: FreezeCheckView) {
    const m = t()
    const id = this.congressId
    const amendments = (status: FreezeCheckView['amendmentsPending'][number]['status']) => check.amendmentsPending.filter((a) => a.status === status)
    const ballots = (status: 'open' | 'closed') => check.ballotsPending.filter((b) => b.status === status)
    const subject = (b: FreezeCheckView['ballotsPending'][number]) =>
      b.subject.kind === 'motion' ? m.desk.motionSubject : b.subject.kind === 'proposal' ? m.proposalLabel(b.subject.proposalNumber ?? 0) : (b.subject.amendmentLabel ?? '')
    const item = (heading: string, links: readonly { href: string; text: string; spoken?: string }[]) =>
      links.length === 0
        ? nothing
        : html`<li>
            <span class="freeze-check-what">${heading}</span>
            <ul class="freeze-check-items">
              ${links.map((l) => html`<li><a href=${l.href}>${l.text}${l.spoken ? html`<span class="visually-hidden"> — ${l.spoken}</span>` : nothing}</a></li>`)}
            </ul>
          </li>`
    const amendmentLinks = (status: FreezeCheckView['amendmentsPending'][number]['status']) => amendments(status).map((a) => ({ href: paths.amendment(id, a.id), text: a.label }))
    const ballotLinks = (status: 'open' | 'closed') => ballots(status).map((b) => ({ href: paths.ballots(id), text: subject(b) }))
    return html`
      ${check.phase === 'voting' ? nothing : html`<li><span class="freeze-check-what">${m.desk.phaseUnusual(m.phaseNames[check.phase])}</span></li>`}
      ${item(m.desk.ballotsOpen(ballots('open').length), ballotLinks('open'))}
      ${item(m.desk.ballotsClosed(ballots('closed').length), ballotLinks('closed'))}
      ${item(
        m.desk.proposalsNotVoted(check.proposalsNotVoted.length),
        check.proposalsNotVoted.map((p) => ({ href: paths.proposal(id, p.number), text: m.proposalShort(p.number), spoken: m.desk.proposalSpoken(m.proposalLabel(p.number), p.title) })),
      )}
      ${item(m.desk.amendmentsSubmitted(amendments('submitted').length), amendmentLinks('submitted'))}
      ${item(m.desk.amendmentsAdmissible(amendments('admissible').length), amendmentLinks('admissible'))}
      ${item(m.desk.amendmentsAdopted(amendments('adopted').length), amendmentLinks('adopted'))}
    `
  }

  private deliver(event: SubmitEvent): void {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value
    void this.act(async () => {
      const delivery = await api.recordDelivery(this.congressId, { advisorName: value('advisor'), institution: value('institution'), date: value('date'), channel: value('channel') })
      form.reset()
      this.deliveryDirty = false
      this.delivered = delivery
      return `${t().dl.recorded(delivery.advisorName)} ${withColon(t().v.advisorCode)} ${delivery.code}`
    })
  }

  override render() {
    const m = t()
    const canFreeze = isAllowed({ role: 'bureau', phase: this.phase, action: 'congress.freeze' })
    const canDeliver = isAllowed({ role: 'bureau', phase: this.phase, action: 'delivery.record' })
    if (!canFreeze && !canDeliver) return nothing
    return html`
      <section class="card" aria-labelledby="seal-panel-heading">
        <h2 id="seal-panel-heading">${canFreeze ? m.v.freezeHeading : m.v.deliveriesHeading}</h2>
        <div aria-live="polite">
          ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
          ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
        </div>
        ${canFreeze
          ? html`<p>${m.v.freezeHelp}</p>
              ${this.renderCheck()}
              <button type="button" class="danger" ?disabled=${this.busy} aria-describedby="freeze-confirm-failure" @click=${() => void this.freeze()}>${m.v.freezeSubmit}</button>
              ${this.confirmFailure ? html`<p id="freeze-confirm-failure" class="error freeze-confirm-failure" role="alert">${this.confirmFailure}</p>` : nothing}`
          : nothing}
        ${canDeliver
          ? html`<p><a href=${paths.seal(this.congressId)}>${m.v.sealNav}</a></p>
              ${(this.deliveries.value ?? []).length === 0
                ? html`<p>${m.v.noDeliveries}</p>`
                : html`<ul>${this.deliveries.value!.map((d) => html`<li>${m.v.deliveryLine(d.advisorName, d.institution, dayWords(d.date, language()), d.channel)}${d.code ? html` — ${withColon(m.v.advisorCode)} <code class="access-code">${d.code}</code>` : nothing}</li>`)}</ul>`}
              <form class="delivery-form" @submit=${this.deliver} @input=${() => (this.deliveryDirty = true)}>
                <div class="field"><label for="advisor">${m.v.advisorName}</label><input id="advisor" name="advisor" required maxlength="200" /></div>
                <div class="field"><label for="institution">${m.v.institution}</label><input id="institution" name="institution" required maxlength="200" /></div>
                <div class="field"><label for="delivery-date">${m.v.deliveryDate}</label><input id="delivery-date" name="date" type="date" required /></div>
                <div class="field"><label for="channel">${m.v.channel}</label><input id="channel" name="channel" required maxlength="200" /></div>
                <button type="submit" ?disabled=${this.busy}>${m.v.recordDelivery}</button> ${unsavedHint(this.deliveryDirty, m.am.unsaved)}
              </form>
              ${this.delivered ? html`<plenum-delivery-slip .congressId=${this.congressId} .delivery=${this.delivered}></plenum-delivery-slip>` : nothing}`
          : nothing}
      </section>
    `
  }
}

/**
 * What the confirmation box says, naming what the freeze would seal unfinished; undefined when
 * nothing is (then the usual confirmation alone).
 */
function outstandingSummary(check: FreezeCheckView): string | undefined {
  const m = t().desk
  const parts = [
    ...(check.proposalsNotVoted.length > 0 ? [m.confirmProposals(check.proposalsNotVoted.length)] : []),
    ...(check.amendmentsPending.length > 0 ? [m.confirmAmendments(check.amendmentsPending.length)] : []),
    ...(check.ballotsPending.length > 0 ? [m.confirmBallots(check.ballotsPending.length)] : []),
  ]
  const phase = check.phase === 'voting' ? undefined : t().phaseNames[check.phase]
  return parts.length === 0 && phase === undefined ? undefined : m.confirmLabel(parts, phase)
}

customElements.define('plenum-seal-panel', SealPanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-seal-panel': SealPanel
  }
}
