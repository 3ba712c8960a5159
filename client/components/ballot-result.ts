import { html, nothing } from 'lit'
import type { BallotView } from '../../shared/api-types.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** A ballot's count as a table, for the console, the board and the voter's last results. */
export class BallotResult extends LightElement {
  static override properties = { ballot: { attribute: false } }
  declare ballot: BallotView

  override render() {
    const m = t()
    const { result, electorate, subject } = this.ballot
    if (!result) return nothing
    const h = m.v.resultHeaders
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${subject.label}>
      <table class="result-table">
        <caption>${subject.label}${electorate ? html` — ${m.v.electorate(electorate.entitled, electorate.present, electorate.represented)}` : nothing}</caption>
        <thead>
          <tr><th scope="col">${h.yes}</th><th scope="col">${h.no}</th><th scope="col">${h.abstain}</th><th scope="col">${h.expressed}</th><th scope="col">${h.base}</th><th scope="col">${h.threshold}</th><th scope="col">${h.quorum}</th><th scope="col">${h.outcome}</th></tr>
        </thead>
        <tbody>
          <tr>
            <td>${result.yes}</td><td>${result.no}</td><td>${result.abstain}</td><td>${result.expressed}</td><td>${result.base}</td><td>${result.threshold}</td>
            <td>${result.quorumMet ? m.v.quorumMet(result.quorumRequired) : m.v.quorumNotMet(result.quorumRequired)}</td>
            <td><strong class="outcome" data-outcome=${result.outcome}>${m.v.outcomes[result.outcome]}</strong></td>
          </tr>
        </tbody>
      </table>
      </div>
    `
  }
}

customElements.define('plenum-ballot-result', BallotResult)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-ballot-result': BallotResult
  }
}
