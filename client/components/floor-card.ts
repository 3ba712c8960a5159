import { html, nothing } from 'lit'
import type { CongressView, FloorTurnView, ParticipantView } from '../../shared/api-types.ts'
import type { FloorStance } from '../../shared/floor/speakers.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api } from '../api.ts'
import { debateTitle, followFloor, type FloorRevisions } from '../floor-reads.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './floor-countdown.ts'
import './floor-next-vote.ts'
import { FocusAfter } from './focus-after.ts'

const askStances: readonly FloorStance[] = ['for', 'against', 'order']

/**
 * A participant's view of the floor, phone first: what is under debate and voted next, who speaks
 * (with the countdown, large when it is them), their own place in the list, and the buttons to ask
 * for the floor (pour, contre, rappel au règlement) or withdraw.
 */
export class FloorCard extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    revisions: { attribute: false },
    voteLink: { type: Boolean },
    busy: { state: true },
    announcement: { state: true },
    failure: { state: true },
  }
  declare congress: CongressView
  declare participant: ParticipantView
  declare phase: Phase
  declare revisions: FloorRevisions
  /** Offers the voter's page when the next vote is open (not on the voter's page itself). */
  declare voteLink: boolean
  declare busy: boolean
  declare announcement: string
  declare failure: string | undefined
  private readonly follow = followFloor(this, () => ({ congress: this.congress, revisions: this.revisions }))
  /** The speech last seen, so that "you have the floor" is said once, when it is given. */
  private heardSpeech: string | undefined
  private readonly focusAfter = new FocusAfter(this)

  constructor() {
    super()
    this.busy = false
    this.announcement = ''
    this.voteLink = false
  }

  protected override willUpdate(): void {
    const view = this.follow.floor.value?.view
    if (!view) return
    const speech = view.speaking?.requestId ?? ''
    if (this.heardSpeech !== undefined && speech !== this.heardSpeech && view.speaking?.participantId === this.participant.id) this.announcement = t().f.youHaveTheFloor
    this.heardSpeech = speech
  }

  private async act(run: () => Promise<unknown>, done: string, focus: string): Promise<void> {
    const pressed = this.focusAfter.pressedNow()
    this.busy = true
    this.failure = undefined
    try {
      await run()
      this.announcement = done
      this.focusAfter.request(focus, pressed)
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
    void this.follow.floor.run()
  }

  private textPath(docName: string): string {
    if (docName === this.congress.preambleDocName) return paths.preamble(this.congress.id)
    const proposal = this.congress.proposals.find((p) => p.docName === docName)
    return proposal ? paths.proposal(this.congress.id, proposal.number) : paths.congress(this.congress.id)
  }

  override render() {
    const m = t()
    const reading = this.follow.floor.value
    return html`
      <section class="card floor-card" aria-labelledby="floor-heading">
        <h2 id="floor-heading">${m.f.floorHeading}</h2>
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
        ${reading === undefined
          ? this.follow.floor.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: (error) => html`<p role="alert" class="error">${describeFailure(error)}</p>` })
          : reading.view.debateDoc === null
            ? html`<p class="hint">${m.f.nothingUnderDebate}</p>`
            : this.renderDebate(reading.view.debateDoc)}
      </section>
    `
  }

  private renderDebate(docName: string) {
    const m = t()
    const { view, offset } = this.follow.floor.value!
    const item = this.follow.item()
    const me = this.participant.id
    const mine = view.queue.findIndex((turn) => turn.participantId === me)
    const speakingMe = view.speaking?.participantId === me
    const mayAsk = isAllowed({ role: this.participant.role, phase: this.phase, action: 'floor.ask' })
    return html`
      <p class="floor-item"><span class="floor-label">${m.f.underDebate}</span> <a href=${this.textPath(docName)}>${debateTitle(this.congress, docName, view.debateAmendment)}</a></p>
      ${item ? html`<plenum-floor-next-vote .congress=${this.congress} .item=${item} ?voteLink=${this.voteLink}></plenum-floor-next-vote>` : nothing}
      ${view.speaking
        ? html`<div class="floor-speaking ${speakingMe ? 'me' : ''}">
            <p>${speakingMe ? html`<strong class="floor-you">${m.f.youHaveTheFloor}</strong>` : html`<span class="floor-label">${m.f.speakingNow}</span> <strong>${this.speaker(view.speaking)}</strong>`}</p>
            <plenum-floor-countdown .startedAt=${view.speaking.startedAt ?? view.now} .speakingSeconds=${view.speakingSeconds} .offset=${offset} ?large=${speakingMe}></plenum-floor-countdown>
          </div>`
        : html`<p class="hint">${m.f.nobodySpeaking}</p>`}
      ${mine >= 0
        ? html`<p class="floor-place">${m.f.yourPlace(mine + 1, m.f.stances[view.queue[mine]!.stance])}</p>
            <button type="button" class="secondary floor-withdraw" ?disabled=${this.busy}
              @click=${() => this.act(() => api.floorStep(this.congress.id, view.queue[mine]!.requestId, 'withdraw'), m.f.withdrawn, '.floor-ask button')}>${m.f.withdraw}</button>`
        : mayAsk && !speakingMe
          ? html`<div class="floor-ask" role="group" aria-labelledby="floor-ask-heading">
              <h3 id="floor-ask-heading">${m.f.askHeading}</h3>
              <p class="hint" id="floor-ask-help">${m.f.askHelp}</p>
              <div class="floor-ask-buttons">
                ${askStances.map(
                  (stance) => html`<button type="button" class="floor-ask-button" data-stance=${stance} aria-describedby="floor-ask-help" ?disabled=${this.busy}
                    @click=${() => this.act(() => api.askFloor(this.congress.id, stance), m.f.asked, '.floor-withdraw')}>${stance === 'for' ? m.f.askFor : stance === 'against' ? m.f.askAgainst : m.f.askOrder}</button>`,
                )}
              </div>
            </div>`
          : nothing}
      <details class="floor-queue-summary">
        <summary>${m.f.queueHeading(view.queue.length)}</summary>
        ${view.queue.length > 0 ? html`<ol>${view.queue.map((turn) => html`<li>${this.speaker(turn)}</li>`)}</ol>` : nothing}
      </details>
    `
  }

  private speaker(turn: FloorTurnView): string {
    const m = t()
    return m.f.speakerWithStance(turn.name, m.f.stances[turn.stance])
  }
}

customElements.define('plenum-floor-card', FloorCard)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-floor-card': FloorCard
  }
}
