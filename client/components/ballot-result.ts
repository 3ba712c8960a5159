import { html, nothing } from 'lit'
import type { BallotView, RoomCountView } from '../../shared/api-types.ts'
import { countingMethod, electronicFigures } from '../../shared/ballots/room-count.ts'
import type { ChoiceCounts, Tally } from '../../shared/ballots/tally-types.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

/**
 * A ballot's count as a table, for the console, the board and the voter's last results. The outcome
 * is its first column: on a phone the table scrolls sideways, and what was decided must not be the
 * part off-screen.
 */
export class BallotResult extends LightElement {
  static override properties = { ballot: { attribute: false } }
  declare ballot: BallotView

  override render() {
    const m = t()
    const { result, electorate, subject, room } = this.ballot
    if (!result) return nothing
    const h = m.v.resultHeaders
    // The table's name is a paragraph above it, not its caption: a caption is as wide as the table
    // and scrolls with it, so a phone would clip the electorate off its edge.
    const captionId = `result-caption-${this.ballot.id}`
    return html`
      <p class="result-caption" id=${captionId}>${subjectLabel(subject)}${electorate ? html` — ${m.v.electorate(electorate.entitled, electorate.present, electorate.represented)}` : nothing}
        ${room ? html` <span class="counting-mark" data-counting=${countingMethod(result, room)}>${m.v.counting[countingMethod(result, room)]}</span>` : nothing}</p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby=${captionId}>
      <table class="result-table" aria-labelledby=${captionId}>
        <thead>
          <tr><th scope="col">${h.outcome}</th><th scope="col">${h.yes}</th><th scope="col">${h.no}</th><th scope="col">${h.abstain}</th><th scope="col">${h.expressed}</th><th scope="col">${h.base}</th><th scope="col">${h.threshold}</th><th scope="col">${h.quorum}</th></tr>
        </thead>
        <tbody>
          <tr>
            <td><strong class="outcome" data-outcome=${result.outcome}>${m.v.outcomes[result.outcome]}</strong></td>
            <td>${result.yes}</td><td>${result.no}</td><td>${result.abstain}</td><td>${result.expressed}</td><td>${result.base}</td><td>${result.threshold}</td>
            <td>${result.quorumMet ? m.v.quorumMet(result.quorumRequired) : m.v.quorumNotMet(result.quorumRequired)}</td>
          </tr>
        </tbody>
      </table>
      </div>
      ${room ? this.renderSplit(result, room) : nothing}
    `
  }

  /** Phones and room apart: the total above is both, under one rule and one quorum. */
  private renderSplit(result: Tally, room: RoomCountView) {
    const m = t()
    const h = m.v.resultHeaders
    const row = (label: string, counts: ChoiceCounts, kind: string) =>
      html`<tr data-kind=${kind}><th scope="row">${label}</th><td>${counts.yes}</td><td>${counts.no}</td><td>${counts.abstain}</td></tr>`
    return html`
      <div class="table-scroll" tabindex="0" role="region" aria-label=${m.v.splitCaption}>
        <table class="result-table room-split">
          <caption>${m.v.splitCaption}</caption>
          <thead><tr><td></td><th scope="col">${h.yes}</th><th scope="col">${h.no}</th><th scope="col">${h.abstain}</th></tr></thead>
          <tbody>
            ${row(m.v.splitRows.electronic, electronicFigures(result, room), 'electronic')} ${row(m.v.splitRows.room, room, 'room')} ${row(m.v.splitRows.total, result, 'total')}
          </tbody>
        </table>
      </div>
      ${room.names && room.names.length > 0
        ? html`<details class="room-names"><summary>${m.v.roomNames(room.names.length)}</summary>
            <ul>${room.names.map((n) => html`<li>${n.name} — ${m.v.choices[n.choice]}</li>`)}</ul>
          </details>`
        : nothing}
    `
  }
}

customElements.define('plenum-ballot-result', BallotResult)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-ballot-result': BallotResult
  }
}
