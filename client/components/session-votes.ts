import { html, nothing } from 'lit'
import type { BallotView, CongressView } from '../../shared/api-types.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import type { BallotSubject } from '../../shared/requests/ballot-requests.ts'
import { api } from '../api.ts'
import { nextVoteLabel, type DebateItem } from '../floor-reads.ts'
import { bal } from '../i18n/ballots-messages.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './floor-next-vote.ts'
import { FocusAfter } from './focus-after.ts'
import { publishEffect } from './publish-effect.ts'
import { runFloorStep } from './floor-notice.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

/**
 * The votes on the item under debate, for the bureau: the running order with the bureau's opinion
 * on each amendment, and the next vote with one button that makes its ballot (the default rule),
 * opens it and puts it on the projector.
 */
export class SessionVotes extends LightElement {
  static override properties = { congress: { attribute: false }, phase: { attribute: false }, item: { attribute: false }, participation: { attribute: false }, busy: { state: true } }
  declare congress: CongressView
  declare phase: Phase
  declare item: DebateItem
  /** Live counts from the event stream, per ballot. */
  declare participation: Readonly<Record<string, { voted: number; rights: number }>>
  declare busy: boolean
  private readonly focusAfter = new FocusAfter(this)

  constructor() {
    super()
    this.busy = false
  }

  /** Closes or publishes the next vote's ballot, after confirming as the ballots page does: neither can be undone. */
  private async advance(ballot: BallotView, step: 'close' | 'publish'): Promise<void> {
    const m = t()
    const label = subjectLabel(ballot.subject)
    const pressed = this.focusAfter.pressedNow()
    if (!confirm(step === 'close' ? m.v.confirmClose(label) : bal().confirmPublish(label, publishEffect(ballot.subject)))) return
    this.busy = true
    const done = await runFloorStep(this, () => (step === 'close' ? api.closeBallot(ballot.id) : api.publishBallot(ballot.id)), step === 'close' ? m.f.voteClosedNotice(label) : m.f.votePublished(label))
    if (done) this.focusAfter.request('.session-next button', pressed)
    this.busy = false
  }

  private async openNext(subject: BallotSubject, existing: BallotView | null, label: string): Promise<void> {
    const congressId = this.congress.id
    const pressed = this.focusAfter.pressedNow()
    this.busy = true
    const opened = await runFloorStep(
      this,
      async () => {
        const ballot = existing ?? (await api.createBallot({ congressId, subject }))
        if (ballot.status === 'draft') await api.openBallot(ballot.id)
        // The wall follows: the live chart of the vote just opened.
        await api.project(congressId, ballot.id)
      },
      t().f.voteOpened(label),
    )
    if (opened) this.focusAfter.request('.session-next button', pressed)
    this.busy = false
  }

  override render() {
    const m = t()
    const { item } = this
    return html`
      ${item.byBureau ? html`<p class="order-source"><strong>${m.f.orderByBureau}</strong></p>` : nothing}
      ${item.next.kind === 'done' ? nothing : this.renderOrder()}
      ${item.fallen.length > 0
        ? html`<p class="session-fallen"><span class="floor-label">${m.f.fallenLabel}</span> ${item.fallen.map((a) => (a.fallenBy ? m.f.fellBy(a.label, a.fallenBy) : a.label)).join(', ')}</p>`
        : nothing}
      ${item.lastResult?.result
        ? html`<p class="session-last"><span class="floor-label">${m.f.lastResult}</span> ${subjectLabel(item.lastResult.subject)} —
            <strong class="outcome" data-outcome=${item.lastResult.result.outcome}>${m.v.outcomes[item.lastResult.result.outcome]}</strong>
            (${m.f.counts(item.lastResult.result.yes, item.lastResult.result.no, item.lastResult.result.abstain)})</p>`
        : nothing}
      <div class="session-next">
        <plenum-floor-next-vote .congress=${this.congress} .item=${item}></plenum-floor-next-vote>
        ${this.renderOpen()}
      </div>
    `
  }

  /** The votes still to come, in the order followed; the first is the next. */
  private renderOrder() {
    const m = t()
    const { item } = this
    return html`
      ${item.order.steps.length === 1 ? html`<p class="hint">${m.f.noAmendments}</p>` : nothing}
      <ol class="session-order" aria-labelledby="session-votes-heading">
        ${item.order.steps.map((step, index) => {
          const current = index === 0 ? 'step' : undefined
          if (step.kind === 'text') return html`<li aria-current=${current ?? 'false'}><strong>${m.f.orderText}</strong></li>`
          const [lead, ...twins] = step.ids.map((id) => item.amendments.get(id)!)
          const common = (item.order.groups[step.group]?.ids.length ?? 0) > 1
          const details = [m.linesSummary(lead!.changedLines), lead!.departure.deletion ? m.runningOrderDeletion : m.runningOrderDistance(lead!.departure.distance)]
          if (common) details.push(m.runningOrderCommon)
          if (twins.length > 0) details.push(m.f.together(twins.map((twin) => twin.label).join(', ')))
          return html`<li aria-current=${current ?? 'false'}>
            <a href=${paths.amendment(this.congress.id, lead!.id)}>${lead!.label}</a>
            <span class="opinion-tag" data-opinion=${lead!.opinion?.opinion ?? 'none'}>${lead!.opinion ? m.f.opinion(m.opinionNames[lead!.opinion.opinion]) : m.f.noOpinion}</span>
            <span class="hint">${details.join(' · ')}</span>
          </li>`
        })}
      </ol>
    `
  }

  private renderOpen() {
    const m = t()
    const { next, ballots } = this.item
    if (next.kind !== 'amendment' && next.kind !== 'proposal') return nothing
    const label = nextVoteLabel(this.item, this.congress) ?? ''
    const ballotsLink = html`<a href=${paths.ballots(this.congress.id)}>${m.f.ballotsLink}</a>`
    const { ballot } = next
    if (ballot?.status === 'open') {
      const counts = this.participation?.[ballot.id] ?? ballot.participation
      return html`${counts ? html`<p class="participation">${m.v.participation(counts.voted, counts.rights)}</p>` : nothing}
        <p><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.advance(ballot, 'close')}>${m.f.closeVote(label)}</button></p>
        <p class="hint">${m.f.voteIsOpen} ${ballotsLink}</p>`
    }
    if (ballot?.status === 'closed') {
      return html`<p><button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.advance(ballot, 'publish')}>${m.f.publishVote(label)}</button></p>
        <p class="hint">${m.f.voteIsClosed} ${ballotsLink}</p>`
    }
    if (!isAllowed({ role: 'bureau', phase: this.phase, action: 'ballot.manage' })) return html`<p class="hint">${m.f.votesInVotingPhase}</p>`
    const other = ballots.find((b) => b.status === 'open')
    if (other) return html`<p class="notice">${m.f.otherVoteOpen(subjectLabel(other.subject))} ${ballotsLink}</p>`
    const subject: BallotSubject = next.kind === 'amendment' ? { kind: 'amendment', id: next.ids[0]! } : { kind: 'proposal', id: next.id }
    return html`<p><button type="button" class="primary open-next-vote" ?disabled=${this.busy} @click=${() => this.openNext(subject, next.ballot, label)}>${m.f.openVote(label)}</button></p>
      <p class="hint">${m.f.defaultRuleApplies}</p>`
  }
}

customElements.define('plenum-session-votes', SessionVotes)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-session-votes': SessionVotes
  }
}
