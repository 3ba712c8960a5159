import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { BallotView, CongressView, MyBallotView, ParticipantView, VotingRightView } from '../../shared/api-types.ts'
import { choices, type Choice } from '../../shared/ballots/ballot-rule.ts'
import { receiptMatches } from '../../shared/ballots/receipt.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api, ApiError } from '../api.ts'
import { randomHex } from '../device-random.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './ballot-result.ts'
import './ballot-subject.ts'
import { failureText } from './failure-text.ts'
import { localVotes, type LocalVote } from './vote-store.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

const groupReceipt = (receipt: string) => receipt.match(/.{1,4}/g)!.join(' ')

/**
 * The voter's screen, phone first: the ballot now open, what it decides, one block of three large
 * buttons per vote the person carries (their own, and one per proxy), a confirmation, then "A voté"
 * and the receipt. A vote is written to this device before it is sent, and sent again with the same
 * clientVoteId after a drop: the server answers a retry with the same receipt, never a second vote.
 */
export class VotePage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    revision: { attribute: false },
    attendanceRevision: { attribute: false },
    streaming: { attribute: false },
    confirming: { state: true },
    sending: { state: true },
    announcement: { state: true },
    failure: { state: true },
    online: { state: true },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare phase: Phase
  /** Grows when ballots change: the page reads them again. */
  declare revision: number
  declare attendanceRevision: number
  /** Whether the congress's event stream is up. */
  declare streaming: boolean
  /** The choice awaiting confirmation, per person represented. */
  declare confirming: Readonly<Record<string, Choice>>
  declare sending: ReadonlySet<string>
  declare announcement: string
  /**
   * The ballot the announcement is about ("A voté"): it is said while that ballot is not yet
   * published, then the result and the receipt take its place (the last results' card).
   */
  private announcedBallot: string | undefined
  declare failure: string | undefined
  declare online: boolean

  constructor() {
    super()
    this.confirming = {}
    this.sending = new Set()
    this.announcement = ''
    this.online = navigator.onLine
  }

  private readonly ballots = new Task(this, {
    task: async ([congressId]: readonly [string, number]) => (await api.ballots(congressId)).ballots,
    args: () => [this.congress.id, this.revision] as const,
  })

  private readonly mine = new Task(this, {
    task: async ([ballotId]: readonly [string | undefined, number]) => (ballotId ? api.myBallot(ballotId) : undefined),
    args: () => [this.current()?.id, this.revision] as const,
    onComplete: (mine) => {
      if (mine) void this.resend(mine)
    },
  })

  private readonly presence = new Task(this, {
    task: async ([congressId]: readonly [string, number]) => (await api.myCheckIn(congressId)).present,
    args: () => [this.congress.id, this.attendanceRevision] as const,
  })

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
  }

  private readonly onOnline = () => {
    this.online = true
    void this.mine.run()
  }

  private readonly onOffline = () => {
    this.online = false
  }

  private current(): BallotView | undefined {
    return this.ballots.value?.find((b) => b.status === 'open')
  }

  /** Votes this device sent without getting a receipt (a drop): sent again, same clientVoteId. */
  private async resend(mine: MyBallotView): Promise<void> {
    for (const right of mine.rights) {
      const local = localVotes.find(mine.ballot.id, right.representedId)
      if (local && !local.receipt && !local.closedUnanswered && !this.sending.has(right.representedId)) await this.send(local, right)
    }
  }

  /**
   * Sends the vote and checks the answer: the receipt must be the one this device computes from the
   * choice it sent, its own nonce and the server's. If it is not, the page says so loudly and never
   * shows the vote as verified. Any failure is shown: nothing fails silently.
   */
  private async send(stored: LocalVote, right: VotingRightView): Promise<void> {
    const m = t()
    this.sending = new Set([...this.sending, right.representedId])
    this.failure = undefined
    try {
      // A vote kept before devices took part gets its nonce now, kept before it is sent.
      const vote = stored.deviceNonce ? stored : { ...stored, deviceNonce: randomHex(16) }
      if (vote !== stored) localVotes.save(vote)
      const deviceNonce = vote.deviceNonce!
      const answer = await api.vote(vote.ballotId, { choice: vote.choice, clientVoteId: vote.clientVoteId, deviceNonce, ...(right.self ? {} : { onBehalfOf: right.representedId }) })
      const receiptVerified = receiptMatches({ ballotId: vote.ballotId, choice: vote.choice, serverNonce: answer.nonce, deviceNonce, receipt: answer.receipt })
      localVotes.save({ ...vote, receipt: answer.receipt, serverNonce: answer.nonce, receiptVerified })
      this.online = true
      if (receiptVerified) {
        this.announcedBallot = vote.ballotId
        this.announcement = right.self ? m.v.voted : m.v.votedFor(right.name)
      } else this.failure = m.v.receiptMismatch
      void this.mine.run()
    } catch (error) {
      if (error instanceof ApiError && error.code === 'network') {
        this.online = false
        this.failure = m.v.retrying
        setTimeout(() => void this.mine.run(), 3000)
      } else if (error instanceof ApiError && error.code === 'ballot_closed' && stored.deviceNonce) {
        // It may have got in before the close: the board will tell, by this device's nonce.
        localVotes.save({ ...stored, closedUnanswered: true })
        this.failure = await failureText(error)
        void this.mine.run()
      } else {
        localVotes.remove(stored.ballotId, stored.representedId)
        this.failure = error instanceof ApiError ? await failureText(error) : m.v.voteFailed(error instanceof Error ? error.message : String(error))
        void this.mine.run()
      }
    } finally {
      const next = new Set(this.sending)
      next.delete(right.representedId)
      this.sending = next
    }
  }

  private choose(right: VotingRightView, choice: Choice): void {
    this.confirming = { ...this.confirming, [right.representedId]: choice }
  }

  private cancel(right: VotingRightView): void {
    const { [right.representedId]: _dropped, ...rest } = this.confirming
    this.confirming = rest
  }

  private async confirm(ballotId: string, right: VotingRightView): Promise<void> {
    const choice = this.confirming[right.representedId]
    if (!choice) return
    this.cancel(right)
    let vote: LocalVote
    try {
      // Kept before it is sent: if the answer is lost, the retry is the same vote.
      vote = { ballotId, representedId: right.representedId, clientVoteId: randomHex(16), deviceNonce: randomHex(16), choice, ...(right.self ? {} : { onBehalfOf: right.name }) }
      localVotes.save(vote)
    } catch (error) {
      this.failure = t().v.voteFailed(error instanceof Error ? error.message : String(error))
      return
    }
    await this.send(vote, right)
  }

  private async checkIn(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('room-code') as HTMLInputElement
    this.failure = undefined
    try {
      await api.checkIn(this.congress.id, input.value)
      this.announcedBallot = undefined
      this.announcement = t().v.checkedIn
      void this.presence.run()
    } catch (error) {
      this.failure = await failureText(error)
    }
  }

  override render() {
    const m = t()
    const ballots = this.ballots.value
    const current = this.current()
    const offline = !this.online || !this.streaming
    const lastPublished = ballots?.filter((b) => b.status === 'published').at(-1)
    const announced = this.announcedBallot
    const announcement = announced !== undefined && (!ballots?.some((b) => b.id === announced) || ballots.some((b) => b.id === announced && b.status === 'published')) ? '' : this.announcement
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${m.v.voteTitle}</h1>
      <div class="live-region" aria-live="assertive" role="status">${announcement}</div>
      ${offline ? html`<p class="notice offline" role="alert">${m.v.offline}</p>` : nothing}
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${this.renderCheckIn()}
      ${ballots === undefined
        ? this.ballots.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
        : current
          ? this.renderBallot(current, offline)
          : html`<p class="empty">${m.v.noOpenBallot}</p>
              ${lastPublished
                ? html`<section class="card" aria-labelledby="last-heading">
                    <h2 id="last-heading">${m.v.lastResults}</h2>
                    <plenum-ballot-result .ballot=${lastPublished}></plenum-ballot-result>
                    ${this.renderReceipts(lastPublished)}
                    <p><a href=${paths.board(this.congress.id, lastPublished.id)}>${m.v.boardLink}</a></p>
                  </section>`
                : nothing}`}
    `
  }

  /** The receipts this device kept for a counted ballot, each labelled with whom it was cast for and a way to its entry on the board. */
  private renderReceipts(ballot: BallotView) {
    const m = t()
    const kept = localVotes.of(ballot.id).filter((v) => v.receipt)
    // A vote kept before receipts carried a name says only "receipt" if it was not one's own.
    const label = (vote: LocalVote) => (vote.onBehalfOf !== undefined ? m.v.proxyReceipt(vote.onBehalfOf) : vote.representedId === this.participant.id ? m.v.myReceipt : m.v.receipt)
    return kept.map(
      (vote) => html`<p class="receipt-label">${label(vote)}</p>
        <p class="receipt"><strong>${groupReceipt(vote.receipt!.slice(0, 12))}</strong> <span class="receipt-rest">${groupReceipt(vote.receipt!.slice(12))}</span></p>
        <p><a href=${paths.board(this.congress.id, ballot.id, vote.receipt)}>${m.v.findMyBallot}</a></p>`,
    )
  }

  private time(ms: number): string {
    return new Date(ms).toLocaleTimeString(language() === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
  }

  private renderCheckIn() {
    const m = t()
    if (this.presence.value !== false || !isAllowed({ role: this.participant.role, phase: this.phase, action: 'attendance.self' })) return nothing
    return html`
      <form class="card check-in" @submit=${this.checkIn}>
        <h2>${m.v.checkInHeading}</h2>
        <p>${m.v.notCheckedIn} ${m.v.checkInHelp}</p>
        <label for="room-code">${m.v.roomCodeLabel}</label>
        <input id="room-code" name="room-code" inputmode="numeric" autocomplete="off" pattern="[0-9 ]{6,8}" required />
        <button type="submit">${m.v.checkInSubmit}</button>
      </form>
    `
  }

  private renderBallot(ballot: BallotView, offline: boolean) {
    const m = t()
    const mine = this.mine.value?.ballot.id === ballot.id ? this.mine.value : undefined
    return html`
      <section class="card ballot-now" aria-labelledby="ballot-heading">
        <h2 id="ballot-heading">${m.v.ballotOn(subjectLabel(ballot.subject))}</h2>
        ${ballot.closesAt ? html`<p class="hint">${m.v.closesAt(new Date(ballot.closesAt).toLocaleTimeString(language() === 'fr' ? 'fr-FR' : 'en-GB'))}</p>` : nothing}
        <plenum-ballot-subject .subject=${ballot.subject}></plenum-ballot-subject>
      </section>
      ${mine === undefined
        ? html`<p role="status">${m.loading}</p>`
        : mine.rights.length === 0
          ? html`<p class="notice">${mine.noRightReason ? m.v.noRight[mine.noRightReason] : m.v.noOpenBallot}</p>`
          : mine.rights.map((right) => this.renderRight(ballot, right, offline))}
    `
  }

  private renderRight(ballot: BallotView, right: VotingRightView, offline: boolean) {
    const m = t()
    const local = localVotes.find(ballot.id, right.representedId)
    const heading = right.self ? m.v.myVote : m.v.proxyVote(right.name)
    const id = `right-${right.representedId}`
    if (right.voted || local?.receipt) {
      const mismatch = local?.receiptVerified === false
      return html`<section class="card vote-block voted" aria-labelledby=${id}>
        <h2 id=${id}>${heading}</h2>
        ${mismatch ? html`<p class="error receipt-mismatch">⚠ ${m.v.receiptMismatch}</p>` : html`<p class="voted-mark">✓ ${right.self ? m.v.voted : m.v.votedFor(right.name)}</p>`}
        ${local?.receipt
          ? html`<p class="receipt-label">${m.v.receipt}</p>
              <p class="receipt"><strong>${groupReceipt(local.receipt.slice(0, 12))}</strong> <span class="receipt-rest">${groupReceipt(local.receipt.slice(12))}</span></p>
              ${local.receiptVerified ? html`<p class="hint receipt-verified">${m.v.receiptVerified}</p>` : nothing}
              <p class="hint">${m.v.receiptHelp}</p>
              <p><a href=${paths.board(this.congress.id, ballot.id, local.receipt)}>${m.v.findMyBallot}</a></p>`
          : html`<p class="hint">${right.castAt === null ? m.v.alreadyVotedElsewhere : m.v.alreadyVotedAt(this.time(right.castAt))}</p>`}
      </section>`
    }
    const confirming = this.confirming[right.representedId]
    const sending = this.sending.has(right.representedId) || (local !== undefined && !local.receipt && !local.closedUnanswered)
    return html`<section class="card vote-block" aria-labelledby=${id}>
      <h2 id=${id}>${heading}</h2>
      ${sending
        ? html`<p role="status">${m.v.sending}</p>`
        : confirming
          ? html`<p class="confirm-question">${m.v.confirmChoice(m.v.choices[confirming])}</p>
              <div class="vote-buttons">
                <button type="button" class="vote-confirm" ?disabled=${offline} @click=${() => this.confirm(ballot.id, right)}>${m.v.confirm}</button>
                <button type="button" class="secondary" @click=${() => this.cancel(right)}>${m.v.cancel}</button>
              </div>`
          : html`<div class="vote-buttons" role="group" aria-labelledby=${id}>
              ${choices.map((choice) => html`<button type="button" class="vote-choice" data-choice=${choice} ?disabled=${offline} @click=${() => this.choose(right, choice)}>${m.v.choices[choice]}</button>`)}
            </div>`}
    </section>`
  }
}

customElements.define('plenum-vote-page', VotePage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-vote-page': VotePage
  }
}
