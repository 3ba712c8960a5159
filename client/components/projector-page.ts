import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { ref } from 'lit/directives/ref.js'
import type { BallotView, CongressView } from '../../shared/api-types.ts'
import type { Phase } from '../../shared/phases.ts'
import { countingMethod } from '../../shared/ballots/room-count.ts'
import { api, apiLinks } from '../api.ts'
import { debateTitle, followFloor, type FloorRevisions } from '../floor-reads.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { subjectTitle } from '../projector-title.ts'
import { savedTextSize, type TextSize } from '../projector-text-size.ts'
import '../projector.css'
import './ballot-subject.ts'
import './floor-projector.ts'
import './projector-idle.ts'
import './projector-tools.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

/**
 * The wall of the room, driven by the bureau: what is under debate, the vote's state and
 * participation, the results as bars once published, and how to join; with nothing on, the idle
 * wall (projector-idle.ts). Large type, live, at the text size the bureau set on this device.
 */
/**
 * Sets a bar's width through the CSSOM once it is in the page: a style attribute (what lit's
 * style bindings write first) is inline style, which the Content-Security-Policy refuses.
 */
const barWidth = (percent: number) => (element: Element | undefined) => {
  if (element instanceof HTMLElement) element.style.width = `${percent}%`
}

export class ProjectorPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    phase: { attribute: false },
    revision: { attribute: false },
    projectorRevision: { attribute: false },
    participation: { attribute: false },
    floorRevisions: { attribute: false },
    textSize: { state: true },
  }
  declare congress: CongressView
  /** The live phase, for the idle wall: the congress as first read does not follow it. */
  declare phase: Phase | undefined
  /** The projector follows the floor too: the item under debate, the speaker and the countdown between votes. */
  declare floorRevisions: FloorRevisions
  declare revision: number
  declare projectorRevision: number
  declare participation: Readonly<Record<string, { voted: number; rights: number }>>
  declare textSize: TextSize

  constructor() {
    super()
    this.textSize = savedTextSize()
  }

  private readonly task = new Task(this, {
    task: ([id]: readonly [string, number, number]) => api.projector(id),
    args: () => [this.congress.id, this.revision, this.projectorRevision] as const,
  })
  private readonly floor = followFloor(this, () => ({ congress: this.congress, revisions: this.floorRevisions }))

  override render() {
    const m = t()
    const view = this.task.value
    if (!view) return this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
    const { ballot } = view
    // A vote open is live on the wall; otherwise a speech, or the item under debate when nothing is projected.
    const reading = this.floor.floor.value
    const floor = ballot?.status !== 'open' && reading?.view.debateDoc && (reading.view.speaking || !ballot) ? reading : undefined
    const title = ballot && !floor ? subjectTitle(this.congress, ballot.subject) : null
    const tools = html`<plenum-projector-tools .size=${this.textSize} @text-size=${(e: CustomEvent<TextSize>) => (this.textSize = e.detail)}></plenum-projector-tools>`
    if (!floor && !ballot) {
      return html`<div class="projector" data-text-size=${this.textSize}>${tools}<plenum-projector-idle .congress=${this.congress} .phase=${this.phase} .view=${view}></plenum-projector-idle></div>`
    }
    return html`
      <div class="projector" data-text-size=${this.textSize}>
        ${tools}
        <header class="projector-head">
          <p class="projector-congress">${view.congressTitle}</p>
          ${floor
            ? html`<p class="projector-kicker">${m.f.underDebate}</p><h1>${debateTitle(this.congress, floor.view.debateDoc!, floor.view.debateAmendment)}</h1>`
            : html`<h1>${m.v.ballotOn(subjectLabel(ballot!.subject))}${title ? html` <span class="projector-title">${title}</span>` : nothing}</h1>
                <p class="projector-state" data-status=${ballot!.status}>${m.v.status[ballot!.status]}</p>`}
        </header>
        <div class="projector-body">
          <section class="projector-main">
            ${floor
              ? html`<plenum-floor-projector .congress=${this.congress} .reading=${floor} .item=${this.floor.item()}></plenum-floor-projector>`
              : this.renderBallot(ballot!)}
          </section>
          <aside class="projector-join">
            <p>${m.v.projectorJoin}</p>
            <img src=${apiLinks.joinQr(this.congress.id)} alt=${m.v.projectorQrAlt} width="280" height="280" />
            <p class="join-url">${view.joinUrl}</p>
            <p class="projector-code-label">${m.v.roomCodeIs}</p>
            <p class="room-code projector-room-code">${view.roomCode}</p>
          </aside>
        </div>
      </div>
    `
  }

  private renderBallot(ballot: BallotView) {
    const m = t()
    const counts = this.participation[ballot.id] ?? ballot.participation
    const result = ballot.status === 'published' ? ballot.result : null
    if (result) {
      const max = Math.max(1, result.yes, result.no, result.abstain)
      const bar = (label: string, value: number, kind: string) =>
        html`<div class="bar-row"><span class="bar-label">${label}</span><span class="bar" data-kind=${kind} ${ref(barWidth((value / max) * 100))}></span><span class="bar-value">${value}</span></div>`
      return html`
        <h2>${m.v.results}</h2>
        <div class="bars" role="img" aria-label=${`${m.v.choices.yes} ${result.yes}, ${m.v.choices.no} ${result.no}, ${m.v.choices.abstain} ${result.abstain}`}>
          ${bar(m.v.choices.yes, result.yes, 'yes')} ${bar(m.v.choices.no, result.no, 'no')} ${bar(m.v.choices.abstain, result.abstain, 'abstain')}
        </div>
        <p class="projector-outcome" data-outcome=${result.outcome}>${m.v.outcomes[result.outcome]}</p>
        ${ballot.room
          ? html`<p class="projector-room"><span class="counting-mark" data-counting=${countingMethod(result, ballot.room)}>${m.v.counting[countingMethod(result, ballot.room)]}</span>
              ${m.v.projectorRoom(ballot.room.yes, ballot.room.no, ballot.room.abstain)}</p>`
          : nothing}
      `
    }
    return html`
      ${counts && ballot.status !== 'draft'
        ? html`<p class="projector-participation">${m.v.participation(counts.voted, counts.rights)}</p>
            <progress max=${Math.max(1, counts.rights)} .value=${counts.voted} aria-label=${m.v.participation(counts.voted, counts.rights)}></progress>`
        : nothing}
      <div class="projector-subject"><plenum-ballot-subject .subject=${ballot.subject}></plenum-ballot-subject></div>
    `
  }
}

customElements.define('plenum-projector-page', ProjectorPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-projector-page': ProjectorPage
  }
}
