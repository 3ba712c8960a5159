import { describeFailure } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { BallotView, CongressView, ParticipationView } from '../../shared/api-types.ts'
import type { BallotRule } from '../../shared/ballots/ballot-rule.ts'
import { countsOfNames } from '../../shared/ballots/room-count.ts'
import type { RoomCountRequest } from '../../shared/requests/ballot-requests.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api, apiLinks, ApiError } from '../api.ts'
import { bal } from '../i18n/ballots-messages.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './block-ballot-form.ts'
import './division-ballot-form.ts'
import './attendance-panel.ts'
import './ballot-result.ts'
import './room-count-form.ts'
import './rule-form.ts'
import './new-ballot-form.ts'
import { publishEffect } from './publish-effect.ts'
import { ruleSummary } from './rule-summary.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

type Counts = Readonly<Record<string, { voted: number; rights: number }>>

/**
 * A message shown next to the control that caused it, not at the top of the page: `place` names
 * that control's spot ('rule', 'list', or a ballot's id).
 */
interface Feedback {
  readonly place: string
  readonly kind: 'ok' | 'error'
  readonly text: string
}

/**
 * The bureau's console: the default rule, new ballots from it, each ballot's life (open, follow
 * participation, close, publish, project), the results for the minutes, and the check-in desk.
 */
export class BallotsPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    phase: { attribute: false },
    revision: { attribute: false },
    attendanceRevision: { attribute: false },
    participation: { attribute: false },
    projectorRevision: { attribute: false },
    feedback: { state: true },
  }

  declare congress: CongressView
  declare phase: Phase
  declare revision: number
  declare attendanceRevision: number
  declare projectorRevision: number
  /** Live counts from the event stream, per ballot. */
  declare participation: Counts
  declare feedback: Feedback | undefined

  private readonly ballots = new Task(this, {
    task: async ([id]: readonly [string, number]) => (await api.ballots(id)).ballots,
    args: () => [this.congress.id, this.revision] as const,
  })
  private readonly rule = new Task(this, { task: ([id]: readonly [string]) => api.ballotRule(id), args: () => [this.congress.id] as const })
  private readonly admissible = new Task(this, {
    task: async ([id]: readonly [string, number]) => (await api.amendments(id, ['admissible'])).amendments,
    args: () => [this.congress.id, this.revision] as const,
  })
  private readonly projected = new Task(this, {
    task: async ([id]: readonly [string, number, number]) => (await api.projector(id)).ballot?.id ?? null,
    args: () => [this.congress.id, this.projectorRevision, this.revision] as const,
  })
  /** Who has not voted yet, for the open roll-call ballot: read again as votes arrive. */
  private readonly missing = new Task(this, {
    task: async ([ballotId]: readonly [string | undefined, number]): Promise<ParticipationView | undefined> => (ballotId ? api.participation(ballotId) : undefined),
    args: () => {
      const open = this.ballots.value?.find((b) => b.status === 'open' && b.rule.secrecy === 'roll-call')
      return [open?.id, open ? (this.participation[open.id]?.voted ?? 0) : 0] as const
    },
  })

  /** Runs one of the bureau's steps; its outcome is said at `place`, beside the control used. */
  private async act(place: string, run: () => Promise<unknown>, confirmText?: string, done?: string): Promise<void> {
    if (confirmText && !confirm(confirmText)) return
    this.feedback = undefined
    try {
      await run()
      if (done) this.feedback = { place, kind: 'ok', text: done }
      void this.ballots.run()
    } catch (error) {
      this.feedback = { place, kind: 'error', text: describeFailure(error) }
    }
  }

  /** The live region at one place: always there, so what appears in it is announced. */
  private said(place: string) {
    const f = this.feedback?.place === place ? this.feedback : undefined
    return html`<div class="feedback" aria-live="polite">${f ? html`<p role=${f.kind === 'ok' ? 'status' : 'alert'} class=${f.kind === 'ok' ? 'ok' : 'error'}>${f.text}</p>` : nothing}</div>`
  }

  private open(event: SubmitEvent, ballot: BallotView): void {
    event.preventDefault()
    const minutes = Number(((event.currentTarget as HTMLFormElement).elements.namedItem('duration') as HTMLInputElement).value)
    void this.act(ballot.id, () => api.openBallot(ballot.id, minutes > 0 ? Math.round(minutes * 60) : undefined), t().v.confirmOpen(subjectLabel(ballot.subject)), bal().opened)
  }

  /** The bureau's count in the room, confirmed with its numbers first. */
  private countInRoom(ballot: BallotView, request: RoomCountRequest): void {
    const { yes, no, abstain } = 'names' in request ? countsOfNames(request.names) : request.counts
    void this.act(ballot.id, () => api.recordRoomCount(ballot.id, request), t().v.confirmRoom(subjectLabel(ballot.subject), yes, no, abstain), t().v.roomSaved)
  }

  override render() {
    const m = t()
    const manage = isAllowed({ role: 'bureau', phase: this.phase, action: 'ballot.manage' })
    const ballots = this.ballots.value ?? []
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a> › <a href=${paths.bureau(this.congress.id)}>${m.bureauTitle}</a></nav>
      <h1>${m.v.ballotsTitle}</h1>
      <p class="section-links">
        <a href=${paths.projector(this.congress.id)} target="_blank" rel="noopener">${m.v.projectorLink}</a>
        <a href=${apiLinks.resultsCsv(this.congress.id)} download>${m.v.resultsCsv}</a>
      </p>
      ${manage ? this.renderSetup() : this.renderPhaseNeeded()}
      <section class="card" aria-labelledby="ballot-list-heading">
        <h2 id="ballot-list-heading">${m.v.ballotList}</h2>
        ${this.said('list')}
        ${ballots.length === 0 ? html`<p>${m.v.noBallots}</p>` : html`<ol class="ballot-list">${[...ballots].reverse().map((b) => this.renderBallot(b, manage))}</ol>`}
      </section>
      <section class="card" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">${m.v.attendanceHeading}</h2>
        <plenum-attendance-panel .congressId=${this.congress.id} .revision=${this.attendanceRevision}></plenum-attendance-panel>
      </section>
    `
  }

  private renderSetup() {
    const m = t()
    const rule = this.rule.value
    return html`
      <section class="card" aria-labelledby="rule-heading">
        <h2 id="rule-heading">${m.v.ruleHeading}</h2>
        <p class="hint">${m.v.ruleHelp}</p>
        ${rule
          ? html`<plenum-rule-form prefix="default-rule" .rule=${rule} .submitLabel=${m.v.saveRule}
              @rule=${(e: CustomEvent<BallotRule>) => this.act('rule', () => api.setBallotRule(this.congress.id, e.detail).then(() => this.rule.run()), undefined, m.v.ruleSaved)}></plenum-rule-form>`
          : nothing}
        ${this.said('rule')}
      </section>
      <section class="card" aria-labelledby="new-ballot-heading">
        <h2 id="new-ballot-heading">${m.v.newBallotHeading}</h2>
        <plenum-new-ballot-form .congress=${this.congress} .amendments=${this.admissible.value ?? []} .rule=${rule} @ballot-created=${() => void this.ballots.run()}></plenum-new-ballot-form>
        <plenum-block-ballot-form .congress=${this.congress}></plenum-block-ballot-form>
        <plenum-block-ballot-form .congress=${this.congress} .amendments=${this.admissible.value ?? []}></plenum-block-ballot-form>
        <plenum-division-ballot-form .congress=${this.congress}></plenum-division-ballot-form>
      </section>
    `
  }

  /** Outside the voting phase the bureau sees why there is nothing to set up, and where to change it. */
  private renderPhaseNeeded() {
    const m = t()
    return html`<section class="card phase-needed" aria-labelledby="phase-needed-heading">
      <h2 id="phase-needed-heading">${m.v.newBallotHeading}</h2>
      <p id="phase-needed">${bal().phaseNeeded(m.phaseNames[this.phase])}</p>
      <p><a href=${paths.bureau(this.congress.id)}>${bal().phaseNeededLink}</a></p>
    </section>`
  }

  private renderBallot(ballot: BallotView, manage: boolean) {
    const m = t()
    const counts = this.participation[ballot.id] ?? ballot.participation
    const missing = this.missing.value
    const id = `ballot-${ballot.id}`
    return html`<li class="ballot-item" aria-labelledby=${id}>
      <h3 id=${id}>${subjectLabel(ballot.subject)} <span class="status-badge" data-status=${ballot.status}>${m.v.status[ballot.status]}</span>
        ${this.projected.value === ballot.id ? html`<span class="status-badge">${m.v.projected}</span>` : nothing}</h3>
      <p class="hint rule-summary">${ruleSummary(ballot.rule)}
        ${ballot.electorate ? html` — ${m.v.electorate(ballot.electorate.entitled, ballot.electorate.present, ballot.electorate.represented)}` : nothing}</p>
      ${counts && ballot.status !== 'draft' ? html`<p class="participation">${m.v.participation(counts.voted, counts.rights)}</p>` : nothing}
      ${ballot.status === 'open' && ballot.rule.secrecy === 'roll-call' && missing
        ? html`<details><summary>${m.v.notVotedHeading} (${missing.notVoted?.length ?? 0})</summary>
            ${missing.notVoted?.length ? html`<ul>${missing.notVoted.map((n) => html`<li>${n.name} ${n.holderName ? m.v.notVotedVia(n.holderName) : nothing}</li>`)}</ul>` : html`<p>${m.v.everyoneVoted}</p>`}
          </details>`
        : nothing}
      ${ballot.result ? html`<plenum-ballot-result .ballot=${ballot}></plenum-ballot-result>` : nothing}
      ${manage && ballot.status === 'draft' ? this.renderRuleEdit(ballot) : nothing}
      ${manage ? this.renderActions(ballot) : ballot.status === 'draft' ? this.renderOpenDisabled(ballot) : nothing}
      ${this.said(ballot.id)}
      ${ballot.status === 'published' ? html`<p><a href=${paths.board(this.congress.id, ballot.id)}>${m.v.boardLink}</a></p>` : nothing}
    </li>`
  }

  /** A draft's own rule, changed in place until it opens (the server refuses after). */
  private renderRuleEdit(ballot: BallotView) {
    const m = t()
    return html`<details class="rule-edit">
      <summary>${bal().editRule}</summary>
      <plenum-rule-form prefix=${`rule-${ballot.id}`} .rule=${ballot.rule} .submitLabel=${bal().saveBallotRule}
        @rule=${(e: CustomEvent<BallotRule>) => this.act(`rule-${ballot.id}`, () => api.updateBallotRule(ballot.id, e.detail), undefined, bal().ballotRuleSaved)}></plenum-rule-form>
      ${this.said(`rule-${ballot.id}`)}
    </details>`
  }

  /** A draft left from the voting phase: the open button is there, disabled, with its reason beside it. */
  private renderOpenDisabled(ballot: BallotView) {
    const m = t()
    const reason = `open-reason-${ballot.id}`
    return html`<p class="actions"><button type="button" class="primary" disabled aria-describedby=${reason}>${m.v.open}</button>
      <span id=${reason} class="hint">${bal().openDisabled}</span></p>`
  }

  private renderActions(ballot: BallotView) {
    const m = t()
    const project = html`<button type="button" class="secondary" @click=${() => this.act(ballot.id, () => api.project(this.congress.id, ballot.id), undefined, bal().projectedNow)}>${m.v.project}</button>`
    if (ballot.status === 'draft') {
      return html`<form class="inline-form" @submit=${(e: SubmitEvent) => this.open(e, ballot)}>
        <label for=${`duration-${ballot.id}`}>${m.v.durationLabel}</label>
        <input id=${`duration-${ballot.id}`} name="duration" type="number" min="0" step="1" inputmode="numeric" />
        <button type="submit">${m.v.open}</button> ${project}
        <button type="button" class="danger" @click=${() => this.act('list', () => api.deleteBallot(ballot.id), undefined, bal().deleted(subjectLabel(ballot.subject)))}>${m.v.deleteBallot}</button>
      </form>`
    }
    if (ballot.status === 'open') {
      return html`<p class="actions"><button type="button" class="primary" @click=${() => this.act(ballot.id, () => api.closeBallot(ballot.id), m.v.confirmClose(subjectLabel(ballot.subject)), bal().closed)}>${m.v.close}</button> ${project}</p>`
    }
    if (ballot.status === 'closed') {
      return html`<plenum-room-count-form .ballot=${ballot} @room-count=${(e: CustomEvent<RoomCountRequest>) => this.countInRoom(ballot, e.detail)}></plenum-room-count-form>
        <p class="actions"><button type="button" class="primary" @click=${() => this.act(ballot.id, () => api.publishBallot(ballot.id), bal().confirmPublish(subjectLabel(ballot.subject), publishEffect(ballot.subject)), bal().published)}>${m.v.publish}</button> ${project}</p>`
    }
    return html`<p class="actions">${project}</p>`
  }
}

customElements.define('plenum-ballots-page', BallotsPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-ballots-page': BallotsPage
  }
}
