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
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './block-ballot-form.ts'
import './division-ballot-form.ts'
import './attendance-panel.ts'
import './ballot-result.ts'
import './room-count-form.ts'
import './rule-form.ts'

type Counts = Readonly<Record<string, { voted: number; rights: number }>>

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
    failure: { state: true },
    notice: { state: true },
  }

  declare congress: CongressView
  declare phase: Phase
  declare revision: number
  declare attendanceRevision: number
  declare projectorRevision: number
  /** Live counts from the event stream, per ballot. */
  declare participation: Counts
  declare failure: string | undefined
  declare notice: string | undefined

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

  private async act(run: () => Promise<unknown>, confirmText?: string, done?: string): Promise<void> {
    if (confirmText && !confirm(confirmText)) return
    this.failure = undefined
    this.notice = undefined
    try {
      await run()
      this.notice = done
      void this.ballots.run()
    } catch (error) {
      this.failure = describeFailure(error)
    }
  }

  private create(event: SubmitEvent): void {
    event.preventDefault()
    const value = ((event.currentTarget as HTMLFormElement).elements.namedItem('subject') as HTMLSelectElement).value
    // The options' values: "motion", "amendment:<id>", "proposal:<id>".
    const [kind, id = ''] = value.split(':')
    const subject = kind === 'amendment' ? { kind: 'amendment' as const, id } : kind === 'proposal' ? { kind: 'proposal' as const, id } : { kind: 'motion' as const }
    void this.act(() => api.createBallot({ congressId: this.congress.id, subject }))
  }

  private open(event: SubmitEvent, ballot: BallotView): void {
    event.preventDefault()
    const minutes = Number(((event.currentTarget as HTMLFormElement).elements.namedItem('duration') as HTMLInputElement).value)
    void this.act(() => api.openBallot(ballot.id, minutes > 0 ? Math.round(minutes * 60) : undefined), t().v.confirmOpen(ballot.subject.label))
  }

  /** The bureau's count in the room, confirmed with its numbers first. */
  private countInRoom(ballot: BallotView, request: RoomCountRequest): void {
    const { yes, no, abstain } = 'names' in request ? countsOfNames(request.names) : request.counts
    void this.act(() => api.recordRoomCount(ballot.id, request), t().v.confirmRoom(ballot.subject.label, yes, no, abstain), t().v.roomSaved)
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
      <div aria-live="polite">
        ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
        ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
      </div>
      ${manage ? this.renderSetup() : nothing}
      <section class="card" aria-labelledby="ballot-list-heading">
        <h2 id="ballot-list-heading">${m.v.ballotList}</h2>
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
              @rule=${(e: CustomEvent<BallotRule>) => this.act(() => api.setBallotRule(this.congress.id, e.detail).then(() => this.rule.run()), undefined, m.v.ruleSaved)}></plenum-rule-form>`
          : nothing}
      </section>
      <section class="card" aria-labelledby="new-ballot-heading">
        <h2 id="new-ballot-heading">${m.v.newBallotHeading}</h2>
        <form class="inline-form" @submit=${this.create}>
          <label for="ballot-subject">${m.v.subjectLabel}</label>
          <select id="ballot-subject" name="subject">
            <optgroup label=${m.v.subjectGroupAmendments}>${(this.admissible.value ?? []).map((a) => html`<option value=${`amendment:${a.id}`}>${a.label}</option>`)}</optgroup>
            <optgroup label=${m.v.subjectGroupProposals}>${this.congress.proposals.map((p) => html`<option value=${`proposal:${p.id}`}>${m.proposalLabel(p.number)} — ${p.title}</option>`)}</optgroup>
            <option value="motion:">${m.v.subjectMotion}</option>
          </select>
          <button type="submit">${m.v.createBallot}</button>
        </form>
        <plenum-block-ballot-form .congress=${this.congress}></plenum-block-ballot-form>
        <plenum-block-ballot-form .congress=${this.congress} .amendments=${this.admissible.value ?? []}></plenum-block-ballot-form>
        <plenum-division-ballot-form .congress=${this.congress}></plenum-division-ballot-form>
      </section>
    `
  }

  private renderBallot(ballot: BallotView, manage: boolean) {
    const m = t()
    const counts = this.participation[ballot.id] ?? ballot.participation
    const missing = this.missing.value
    const id = `ballot-${ballot.id}`
    return html`<li class="ballot-item" aria-labelledby=${id}>
      <h3 id=${id}>${ballot.subject.label} <span class="status-badge" data-status=${ballot.status}>${m.v.status[ballot.status]}</span>
        ${this.projected.value === ballot.id ? html`<span class="status-badge">${m.v.projected}</span>` : nothing}</h3>
      <p class="hint">${m.v.majorities[ballot.rule.majority]}, ${m.v.bases[ballot.rule.base].toLowerCase()}, ${m.v.secrecies[ballot.rule.secrecy].toLowerCase()}
        ${ballot.electorate ? html` — ${m.v.electorate(ballot.electorate.entitled, ballot.electorate.present, ballot.electorate.represented)}` : nothing}</p>
      ${counts && ballot.status !== 'draft' ? html`<p class="participation">${m.v.participation(counts.voted, counts.rights)}</p>` : nothing}
      ${ballot.status === 'open' && ballot.rule.secrecy === 'roll-call' && missing
        ? html`<details><summary>${m.v.notVotedHeading} (${missing.notVoted?.length ?? 0})</summary>
            ${missing.notVoted?.length ? html`<ul>${missing.notVoted.map((n) => html`<li>${n.name} ${n.holderName ? m.v.notVotedVia(n.holderName) : nothing}</li>`)}</ul>` : html`<p>${m.v.everyoneVoted}</p>`}
          </details>`
        : nothing}
      ${ballot.result ? html`<plenum-ballot-result .ballot=${ballot}></plenum-ballot-result>` : nothing}
      ${manage ? this.renderActions(ballot) : nothing}
      ${ballot.status === 'published' ? html`<p><a href=${paths.board(this.congress.id, ballot.id)}>${m.v.boardLink}</a></p>` : nothing}
    </li>`
  }

  private renderActions(ballot: BallotView) {
    const m = t()
    const project = html`<button type="button" class="secondary" @click=${() => this.act(() => api.project(this.congress.id, ballot.id))}>${m.v.project}</button>`
    if (ballot.status === 'draft') {
      return html`<form class="inline-form" @submit=${(e: SubmitEvent) => this.open(e, ballot)}>
        <label for=${`duration-${ballot.id}`}>${m.v.durationLabel}</label>
        <input id=${`duration-${ballot.id}`} name="duration" type="number" min="0" step="1" inputmode="numeric" />
        <button type="submit">${m.v.open}</button> ${project}
        <button type="button" class="danger" @click=${() => this.act(() => api.deleteBallot(ballot.id))}>${m.v.deleteBallot}</button>
      </form>`
    }
    if (ballot.status === 'open') return html`<p class="actions"><button type="button" @click=${() => this.act(() => api.closeBallot(ballot.id), m.v.confirmClose(ballot.subject.label))}>${m.v.close}</button> ${project}</p>`
    if (ballot.status === 'closed') {
      return html`<plenum-room-count-form .ballot=${ballot} @room-count=${(e: CustomEvent<RoomCountRequest>) => this.countInRoom(ballot, e.detail)}></plenum-room-count-form>
        <p class="actions"><button type="button" @click=${() => this.act(() => api.publishBallot(ballot.id), m.v.confirmPublish(ballot.subject.label))}>${m.v.publish}</button> ${project}</p>`
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
