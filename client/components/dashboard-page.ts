import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { CongressView, PresenceView } from '../../shared/api-types.ts'
import type { DashboardBallot, DashboardView } from '../../shared/dashboard/dashboard-view.ts'
import { nextSteps, type NextStep } from '../../shared/dashboard/next-steps.ts'
import type { Phase } from '../../shared/phases.ts'
import { votingRoles } from '../../shared/roles.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './phase-control.ts'

/** What makes the dashboard read itself again: the live revisions of the congress's event stream. */
export interface DashboardRevisions {
  readonly amendments: number
  readonly ballots: number
  readonly attendance: number
}

/**
 * The bureau's landing page: the next steps in words, each with one link to where it is done; the
 * phase and its control; amendments awaiting a decision; ballots open or to publish with their
 * participation; who is present, by role; proposals not yet voted. Live: it reads its view again
 * on every event that changes one of them, and shows participation and presence as they stream.
 */
export class DashboardPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    phase: { attribute: false },
    revisions: { attribute: false },
    participation: { attribute: false },
    presence: { attribute: false },
  }
  declare congress: CongressView
  declare phase: Phase
  declare revisions: DashboardRevisions
  declare participation: Readonly<Record<string, { voted: number; rights: number }>>
  declare presence: PresenceView

  private readonly view = new Task(this, {
    task: ([congressId]: readonly [string, Phase, number, number, number]) => api.dashboard(congressId),
    args: () => [this.congress.id, this.phase, this.revisions.amendments, this.revisions.ballots, this.revisions.attendance] as const,
  })

  override render() {
    const m = t()
    const view = this.view.value
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${m.dash.title}</h1>
      <p class="hint">${m.dash.intro}</p>
      ${view === undefined
        ? this.view.render({ pending: () => html`<p role="status">${m.dash.loading}</p>`, error: (error) => html`<p role="alert" class="error">${m.dash.failed} ${describeFailure(error)}</p>` })
        : this.renderView(this.live(view))}
    `
  }

  /** The view with participation as it streams (votes arrive faster than the view is read again). */
  private live(view: DashboardView): DashboardView {
    return { ...view, ballots: view.ballots.map((b) => ({ ...b, ...(this.participation?.[b.id] ?? {}) })) }
  }

  private renderView(view: DashboardView) {
    const m = t().dash
    const steps = nextSteps(view)
    return html`
      <section class="card dashboard-next" aria-labelledby="dash-next-heading">
        <h2 id="dash-next-heading">${m.nextHeading}</h2>
        ${steps.length === 0
          ? html`<p>${m.nothingToDo}</p>`
          : html`<ol class="dashboard-steps">
              ${steps.map((step, i) => this.renderStep(step, view, i === 0))}
            </ol>`}
      </section>
      <div class="dashboard-grid">
        ${this.renderPhase(view)} ${this.renderAmendments(view)} ${this.renderBallots(view)} ${this.renderPeople(view)} ${this.renderProposals(view)}
      </div>
    `
  }

  private subject(b: DashboardBallot): string {
    const m = t().dash
    if (b.subject.kind === 'amendment' && b.subject.amendmentLabel) return m.amendment(b.subject.amendmentLabel)
    if (b.subject.kind === 'proposal' && b.subject.proposalNumber !== null) return m.proposal(b.subject.proposalNumber)
    return m.motion
  }

  /** A ballot's subject as a list's item names it: "Proposition 3", "P1-A2", "Motion". */
  private itemName(b: DashboardBallot): string {
    const m = t()
    if (b.subject.kind === 'amendment' && b.subject.amendmentLabel) return b.subject.amendmentLabel
    if (b.subject.kind === 'proposal' && b.subject.proposalNumber !== null) return m.proposalLabel(b.subject.proposalNumber)
    return m.desk.motionSubject
  }

  private renderStep(step: NextStep, view: DashboardView, first: boolean) {
    const m = t().dash
    const id = this.congress.id
    const [text, go, href] = ((): readonly [string, string, string] => {
      switch (step.kind) {
        case 'close': {
          const ballot = view.ballots.find((b) => b.id === step.ballotId)
          return [m.stepClose(step.voted, step.rights, ballot ? this.subject(ballot) : m.motion), m.stepCloseGo, paths.ballots(id)]
        }
        case 'publish':
          return [m.stepPublish(step.count), m.stepPublishGo, paths.ballots(id)]
        case 'rule':
          return [m.stepRule(step.count), m.stepRuleGo, step.count === 1 ? paths.amendment(id, step.amendmentId) : paths.amendments(id)]
        case 'merge':
          return [m.stepMerge(step.count), m.stepMergeGo, paths.amendment(id, step.amendmentId)]
        case 'vote-amendments':
          return [m.stepVoteAmendments(step.count), m.stepVoteGo, paths.ballots(id)]
        case 'vote-proposals':
          return [m.stepVoteProposals(step.count), m.stepVoteGo, paths.ballots(id)]
        case 'move':
          return [m.stepMove(t().phaseNames[step.to]), m.stepMoveGo, '#phase-heading']
        case 'freeze':
          return [m.stepFreeze, m.stepFreezeGo, paths.bureau(id)]
        case 'deliver':
          return [m.stepDeliver, m.stepDeliverGo, paths.bureau(id)]
      }
    })()
    // The link's name starts with the step's words, so it reads alone in a list of links.
    return html`<li class="dashboard-step" data-step=${step.kind}>
      <span>${text}</span>
      <a class=${first ? 'button-link primary-link' : 'button-link'} href=${href} aria-label=${`${go} — ${text}`}>${go} →</a>
    </li>`
  }

  /** The phase and what it allows (the help above the page says it); moving on, or undoing the last move. */
  private renderPhase(view: DashboardView) {
    return html`<plenum-phase-control .congressId=${this.congress.id} .phase=${this.phase} .lastMove=${view.lastMove} .timeZone=${this.congress.timeZone}></plenum-phase-control>`
  }

  private renderAmendments(view: DashboardView) {
    const m = t().dash
    const id = this.congress.id
    return html`<section class="card" aria-labelledby="dash-amendments-heading">
      <h2 id="dash-amendments-heading">${m.amendmentsHeading} <span class="count">(${view.amendmentsPending.length})</span></h2>
      ${view.amendmentsPending.length === 0
        ? html`<p>${m.amendmentsNone}</p>`
        : html`<ul class="dashboard-list">
            ${view.amendmentsPending.map(
              (a) => html`<li><a href=${paths.amendment(id, a.id)}>${a.label}</a> <span class="status-badge" data-status=${a.status}>${m.pendingStatus[a.status]}</span></li>`,
            )}
          </ul>`}
      <p><a href=${paths.amendments(id)}>${t().amendmentsAll}</a></p>
    </section>`
  }

  private renderBallots(view: DashboardView) {
    const m = t().dash
    return html`<section class="card" aria-labelledby="dash-ballots-heading">
      <h2 id="dash-ballots-heading">${m.ballotsHeading} <span class="count">(${view.ballots.length})</span></h2>
      ${view.ballots.length === 0
        ? html`<p>${m.ballotsNone}</p>`
        : html`<ul class="dashboard-list">
            ${view.ballots.map(
              (b) => html`<li data-ballot=${b.id}>
                <a href=${paths.ballots(this.congress.id)}>${this.itemName(b)}</a>
                <span class="status-badge" data-status=${b.status}>${b.status === 'open' ? m.ballotOpen : m.ballotClosed}</span>
                <span class="participation">${m.participation(b.voted, b.rights)}</span>
                <progress max=${Math.max(b.rights, 1)} value=${b.voted} aria-label=${m.participationOf(this.itemName(b), b.voted, b.rights)}></progress>
              </li>`,
            )}
          </ul>`}
    </section>`
  }

  private renderPeople(view: DashboardView) {
    const m = t()
    const online = (role: string) => (this.presence ? this.presence.online.filter((p) => p.role === role).length : 0)
    return html`<section class="card" aria-labelledby="dash-people-heading">
      <h2 id="dash-people-heading">${m.dash.peopleHeading}</h2>
      <table class="dashboard-people">
        <caption class="visually-hidden">${m.dash.peopleCaption}</caption>
        <thead>
          <tr><th scope="col">${m.dash.peopleRole}</th><th scope="col">${m.dash.peoplePresent}</th><th scope="col">${m.dash.peopleOnline}</th></tr>
        </thead>
        <tbody>
          ${votingRoles.map(
            (role) => html`<tr data-role=${role}>
              <th scope="row">${m.roleLabel[role]}</th>
              <td>${view.present[role]} / ${view.entitled[role]}</td>
              <td>${online(role)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p>${m.dash.proxies(view.proxies)}</p>
      <p><a href=${`${paths.ballots(this.congress.id)}#attendance-heading`}>${m.dash.deskLink}</a></p>
    </section>`
  }

  private renderProposals(view: DashboardView) {
    const m = t()
    const id = this.congress.id
    const list = view.proposalsNotVoted
    return html`<section class="card" aria-labelledby="dash-proposals-heading">
      <h2 id="dash-proposals-heading">${m.dash.proposalsHeading} <span class="count">(${list.length})</span></h2>
      ${list.length === 0
        ? html`<p>${m.dash.proposalsNone}</p>`
        : html`<details>
            <summary>${m.dash.proposalsCount(list.length)}</summary>
            <ul class="dashboard-list">
              ${list.map((p) => html`<li><a href=${paths.proposal(id, p.number)}>${m.desk.proposalSpoken(m.proposalLabel(p.number), p.title)}</a></li>`)}
            </ul>
          </details>`}
    </section>`
  }
}

customElements.define('plenum-dashboard-page', DashboardPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-dashboard-page': DashboardPage
  }
}
