import { describeFailure } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { AmendmentView, CongressView, ParticipantView } from '../../shared/api-types.ts'
import { floorAmendments } from '../../shared/floor/floor-amendments.ts'
import { reorder, runningOrder } from '../../shared/floor/running-order.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { navigate, paths } from '../router.ts'
import './amendment-list.ts'

/** Under a text: its amendments, the form to file one, and the amendments merged into it. */
export class TextAmendments extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    proposalId: { attribute: false },
    targetDocName: { attribute: false },
    revision: { attribute: false },
    failure: { state: true },
    orderFailure: { state: true },
    busy: { state: true },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare phase: Phase
  /** Undefined for the preamble. */
  declare proposalId: string | undefined
  declare targetDocName: string
  declare revision: number
  declare failure: string | undefined
  declare orderFailure: string | undefined
  declare busy: boolean

  private readonly task = new Task(this, {
    task: async ([proposalId, targetDocName, congressId]: readonly [string | undefined, string, string, number]) => {
      const listed = proposalId ? await api.proposalAmendments(proposalId) : await api.amendments(congressId)
      // The text's amendments, each with its sub-amendments (which amend the amendment's own text).
      const ofText = new Set(listed.amendments.filter((a) => a.targetDocName === targetDocName).map((a) => a.id))
      const amendments = listed.amendments.filter((a) => ofText.has(a.id) || (a.parentId !== null && ofText.has(a.parentId)))
      return { amendments, voteOrder: listed.voteOrders[targetDocName] }
    },
    args: () => [this.proposalId, this.targetDocName, this.congress.id, this.revision] as const,
  })

  /** The bureau moves a vote; the page reloads the list when the change is announced. */
  private async setOrder(order: readonly string[]): Promise<void> {
    this.busy = true
    this.orderFailure = undefined
    try {
      if (this.proposalId) await api.setProposalVoteOrder(this.proposalId, order)
      else await api.setPreambleVoteOrder(this.congress.id, order)
      this.task.run()
    } catch (error) {
      this.orderFailure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  private async file(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const justification = String(new FormData(event.target as HTMLFormElement).get('justification') ?? '')
    this.busy = true
    this.failure = undefined
    try {
      const filed = this.proposalId ? await api.fileProposalAmendment(this.proposalId, justification) : await api.filePreambleAmendment(this.congress.id, justification)
      navigate(paths.amendment(this.congress.id, filed.id))
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  /** The order in which the amendments still to be voted are put to the vote (shared/floor/running-order.ts), or the bureau's own. */
  private renderRunningOrder(amendments: readonly AmendmentView[], voteOrder: readonly string[] | undefined) {
    const m = t()
    const floor = floorAmendments(amendments, this.targetDocName)
    const computed = runningOrder(floor)
    const bureaus = voteOrder ? reorder(computed, voteOrder) : undefined
    const order = bureaus && 'order' in bureaus ? bureaus.order : computed
    const byId = new Map(amendments.map((a) => [a.id, a]))
    const mayOrder = isAllowed({ role: this.participant.role, phase: this.phase, action: 'floor.order' })
    const leads = order.steps.flatMap((step) => (step.kind === 'amendment' ? [step.ids[0]!] : []))
    const moved = (from: number, to: number) => {
      const next = [...leads]
      const [lead] = next.splice(from, 1)
      next.splice(to, 0, lead!)
      return next
    }
    return html`
      <h3 id="running-order-heading">${m.runningOrder}</h3>
      ${floor.length === 0
        ? html`<p class="hint">${m.runningOrderNone}</p>`
        : html`<p class="hint">${m.runningOrderHelp}</p>
            ${bureaus && 'order' in bureaus ? html`<p class="order-source"><strong>${m.runningOrderByBureau}</strong></p>` : nothing}
            ${bureaus && 'error' in bureaus ? html`<p class="order-source">${m.runningOrderStale}</p>` : nothing}
            <ol class="running-order" aria-labelledby="running-order-heading">
              ${order.steps.map((step, index) => {
                if (step.kind === 'text') return html`<li><strong>${m.runningOrderText}</strong></li>`
                const [lead, ...twins] = step.ids.map((id) => byId.get(id)!)
                const common = order.groups[step.group]!.ids.length > 1
                const details = [m.linesSummary(lead!.changedLines), lead!.departure.deletion ? m.runningOrderDeletion : m.runningOrderDistance(lead!.departure.distance)]
                if (common) details.push(m.runningOrderCommon)
                if (lead!.opinion) details.push(m.opinionInOrder(m.opinionNames[lead!.opinion.opinion]))
                return html`<li>
                  <a href=${paths.amendment(this.congress.id, lead!.id)}>${lead!.label}</a>
                  <span class="hint">${details.join(' · ')}</span>
                  ${twins.length > 0
                    ? html`<br /><span class="hint">${m.runningOrderTogether}</span>
                        ${twins.map((twin, i) => html`${i > 0 ? ', ' : ''}<a href=${paths.amendment(this.congress.id, twin.id)}>${twin.label}</a>`)}`
                    : nothing}
                  ${mayOrder
                    ? html`<span class="order-moves">
                        <button type="button" class="icon" aria-label=${m.moveUp(lead!.label)} ?disabled=${this.busy || index === 0} @click=${() => this.setOrder(moved(index, index - 1))}>↑</button>
                        <button type="button" class="icon" aria-label=${m.moveDown(lead!.label)} ?disabled=${this.busy || index === leads.length - 1} @click=${() => this.setOrder(moved(index, index + 1))}>↓</button>
                      </span>`
                    : nothing}
                </li>`
              })}
            </ol>
            ${mayOrder && voteOrder ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.setOrder([])}>${m.runningOrderReset}</button>` : nothing}
            ${this.orderFailure ? html`<p role="alert" class="error">${this.orderFailure}</p>` : nothing}`}
    `
  }

  override render() {
    const m = t()
    const amendments = this.task.value?.amendments ?? []
    const merged = amendments.filter((a) => a.status === 'merged').sort((x, y) => (x.mergedAt ?? 0) - (y.mergedAt ?? 0))
    const canFile = isAllowed({ role: this.participant.role, phase: this.phase, action: 'amendment.file' })
    return html`
      <section class="card text-amendments" aria-labelledby="amendments-heading">
        <h2 id="amendments-heading">${m.amendments} <span class="count">(${m.amendmentCount(amendments.length)})</span></h2>
        ${canFile
          ? html`<details class="file-amendment">
              <summary>${m.amendmentFile}</summary>
              <form class="stacked" @submit=${this.file}>
                <p class="hint">${m.amendmentFileHelp}</p>
                <label for="new-justification">${m.amendmentFileJustification}</label>
                <textarea id="new-justification" name="justification" rows="4" maxlength="20000"></textarea>
                <button type="submit" class="primary" ?disabled=${this.busy}>${m.amendmentFileSubmit}</button>
                ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
              </form>
            </details>`
          : nothing}
        ${this.task.value === undefined
          ? this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
          : html`<plenum-amendment-list .congress=${this.congress} .amendments=${amendments}></plenum-amendment-list>`}
        ${this.task.value === undefined ? nothing : this.renderRunningOrder(amendments, this.task.value.voteOrder)}
        <h3>${m.history}</h3>
        ${merged.length === 0
          ? html`<p class="hint">${m.historyNone}</p>`
          : html`<ul class="history">
              ${merged.map(
                (a) => html`<li>
                  <a href=${paths.amendment(this.congress.id, a.id)}>${m.historyMerged(a.label)}</a> —
                  <time datetime=${new Date(a.mergedAt!).toISOString()}>${new Date(a.mergedAt!).toLocaleString(document.documentElement.lang)}</time>
                </li>`,
              )}
            </ul>`}
      </section>
    `
  }
}

customElements.define('plenum-text-amendments', TextAmendments)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-amendments': TextAmendments
  }
}
