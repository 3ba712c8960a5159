import { html, nothing } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { nextVoteLabel, type DebateItem } from '../floor-reads.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'

/** One line: what is voted next on the item under debate (or is being voted), with the bureau's opinion. */
export class FloorNextVote extends LightElement {
  static override properties = { congress: { attribute: false }, item: { attribute: false }, voteLink: { type: Boolean } }
  declare congress: CongressView
  declare item: DebateItem
  /** Offers the way to the voter's page while the vote is open. */
  declare voteLink: boolean

  override render() {
    const m = t()
    const { next } = this.item
    if (next.kind === 'preamble') return html`<p class="next-vote hint">${m.f.preambleWithMotion}</p>`
    if (next.kind === 'done') return html`<p class="next-vote hint">${m.f.allVoted}</p>`
    const label = nextVoteLabel(this.item, this.congress)
    const status = next.ballot?.status
    const lead = next.kind === 'amendment' ? this.item.amendments.get(next.ids[0]!) : undefined
    const twins = next.kind === 'amendment' ? next.ids.slice(1).map((id) => this.item.amendments.get(id)?.label ?? id) : []
    const details = [
      ...(twins.length > 0 ? [m.f.together(twins.join(', '))] : []),
      ...(lead?.opinion ? [m.f.opinion(m.opinionNames[lead.opinion.opinion])] : []),
    ]
    return html`<p class="next-vote" data-status=${status ?? 'none'}>
      <span class="floor-label">${status === 'open' ? m.f.voteNow : status === 'closed' ? m.f.voteClosed : m.f.nextVote}</span>
      <strong class="next-vote-label">${label}</strong>
      ${details.length > 0 ? html`<span class="hint">(${details.join(' · ')})</span>` : nothing}
      ${status === 'open' && this.voteLink ? html`<a class="button-link" href=${paths.vote(this.congress.id)}>${m.f.goVote}</a>` : nothing}
    </p>`
  }
}

customElements.define('plenum-floor-next-vote', FloorNextVote)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-next-vote': FloorNextVote
  }
}
