import { html, nothing } from 'lit'
import type { AmendmentView, CongressView } from '../../shared/api-types.ts'
import { amendmentStatuses, type AmendmentStatus } from '../../shared/amendments/amendment-status.ts'
import { withColon } from '../i18n/colon.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'

/** The filter's value: one of the statuses offered, or '' for all. */
function statusOf(value: string): AmendmentStatus | '' {
  return amendmentStatuses.find((s) => s === value) ?? ''
}

let lists = 0

/** Amendments as a list to scan: number, authors, status, lines, and the "en concurrence" flag; filtered by status. */
export class AmendmentList extends LightElement {
  static override properties = {
    congress: { attribute: false },
    amendments: { attribute: false },
    showTarget: { type: Boolean, attribute: 'show-target' },
    status: { state: true },
  }

  declare congress: CongressView
  declare amendments: readonly AmendmentView[]
  /** On the congress-wide list: say which text each amendment is on. */
  declare showTarget: boolean
  declare status: AmendmentStatus | ''
  private readonly filterId = `amendment-filter-${++lists}`

  constructor() {
    super()
    this.status = ''
    this.showTarget = false
  }

  private target(amendment: AmendmentView): string {
    const m = t()
    if (amendment.proposalNumber === null) return m.preamble
    const proposal = this.congress.proposals.find((p) => p.id === amendment.proposalId)
    return `${m.proposalLabel(amendment.proposalNumber)}${proposal ? ` — ${proposal.title}` : ''}`
  }

  override render() {
    const m = t()
    const all = this.amendments
    const shown = this.status ? all.filter((a) => a.status === this.status) : all
    const present = new Set(all.map((a) => a.status))
    return html`
      ${all.length > 0
        ? html`<p class="filter">
            <label for=${this.filterId}>${m.amendmentStatusFilter}</label>
            <select id=${this.filterId} @change=${(e: Event) => (this.status = statusOf((e.target as HTMLSelectElement).value))}>
              <option value="" ?selected=${this.status === ''}>${m.amendmentStatusAll} (${all.length})</option>
              ${amendmentStatuses
                .filter((s) => present.has(s))
                .map((s) => html`<option value=${s} ?selected=${this.status === s}>${m.amendmentStatus[s]} (${all.filter((a) => a.status === s).length})</option>`)}
            </select>
          </p>`
        : nothing}
      ${shown.length === 0 ? html`<p class="hint">${all.length === 0 ? m.amendmentsNone : m.amendmentsNoneFiltered}</p>` : nothing}
      <ul class="amendment-list">
        ${shown.map(
          (a) => html`<li data-amendment=${a.id} data-status=${a.status} class=${a.parentId === null ? '' : 'sub'}>
            <a class="amendment-label" href=${paths.amendment(this.congress.id, a.id)}>${a.label}</a>
            <span class="status-badge" data-status=${a.status}>${m.amendmentStatus[a.status]}</span>
            ${a.rectifiedAt !== null ? html`<span class="status-badge" data-status="rectified">${m.rectified}</span>` : nothing}
            ${a.parentLabel ? html`<span class="target">${m.subAmendmentOf} ${a.parentLabel}</span>` : nothing}
            ${a.competing.length > 0
              ? html`<span class="flag competing" title=${m.amendmentCompetingWith(a.competing.join(', '))}
                  >${m.amendmentCompeting}<span class="visually-hidden">${/* the colon alone, after the word shown */ withColon('')} ${a.competing.join(', ')}</span></span
                >`
              : nothing}
            ${this.showTarget ? html`<span class="target">${m.amendmentTarget(this.target(a))}</span>` : nothing}
            <span class="authors">${m.amendmentBy([a.author.name, ...a.cosigners.filter((c) => c.accepted).map((c) => c.name)].join(', '))}</span>
            <span class="lines">${m.linesSummary(a.changedLines)}</span>
          </li>`,
        )}
      </ul>
    `
  }
}

customElements.define('plenum-amendment-list', AmendmentList)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendment-list': AmendmentList
  }
}
