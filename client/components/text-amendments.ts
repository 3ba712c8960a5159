import { describeFailure } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { AmendmentView, CongressView, ParticipantView } from '../../shared/api-types.ts'
import { floorAmendments } from '../../shared/floor/floor-amendments.ts'
import { runningOrder } from '../../shared/floor/running-order.ts'
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
  declare busy: boolean

  private readonly task = new Task(this, {
    task: async ([proposalId, targetDocName, congressId]: readonly [string | undefined, string, string, number]): Promise<AmendmentView[]> =>
      proposalId
        ? (await api.proposalAmendments(proposalId)).amendments
        : (await api.amendments(congressId)).amendments.filter((a) => a.targetDocName === targetDocName),
    args: () => [this.proposalId, this.targetDocName, this.congress.id, this.revision] as const,
  })

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

  /** The order in which the amendments still to be voted are put to the vote (shared/floor/running-order.ts). */
  private renderRunningOrder(amendments: readonly AmendmentView[]) {
    const m = t()
    const floor = floorAmendments(amendments, this.targetDocName)
    const order = runningOrder(floor)
    const byId = new Map(amendments.map((a) => [a.id, a]))
    return html`
      <h3 id="running-order-heading">${m.runningOrder}</h3>
      ${floor.length === 0
        ? html`<p class="hint">${m.runningOrderNone}</p>`
        : html`<p class="hint">${m.runningOrderHelp}</p>
            <ol class="running-order" aria-labelledby="running-order-heading">
              ${order.steps.map((step) => {
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
                </li>`
              })}
            </ol>`}
    `
  }

  override render() {
    const m = t()
    const amendments = this.task.value ?? []
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
        ${this.task.value === undefined ? nothing : this.renderRunningOrder(amendments)}
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
