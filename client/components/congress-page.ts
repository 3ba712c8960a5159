import { html, nothing } from 'lit'
import type { CongressView, ParticipantView, PresenceView } from '../../shared/api-types.ts'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import type { FloorRevisions } from '../floor-reads.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './floor-card.ts'
import './my-activity.ts'
import { withColon } from '../i18n/colon.ts'

const votedPhases: readonly Phase[] = ['voting', 'frozen', 'delivered']

/** The motion at a glance: the preamble, then the 4 questions and their proposals, in order. */
export class CongressPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    presence: { attribute: false },
    participant: { attribute: false },
    phase: { attribute: false },
    floorRevisions: { attribute: false },
  }
  declare congress: CongressView
  declare presence: PresenceView
  declare participant: ParticipantView
  declare phase: Phase
  /** What is under debate and voted next, and the list of speakers, on everyone's first page. */
  declare floorRevisions: FloorRevisions

  private renderPresence() {
    const m = t()
    const online = this.presence?.online ?? []
    return html`<details class="presence">
      <summary>${m.onlineCount(online.length)}</summary>
      <ul>
        ${online.map((p) => html`<li>${p.name} <span class="role">(${m.roleLabel[p.role]})</span></li>`)}
      </ul>
    </details>`
  }

  /**
   * A proposal's outcome in words (its colour only repeats them): from the voting phase on, or once
   * it has one (a congress moved back from voting).
   */
  private renderOutcome(p: CongressView['proposals'][number]) {
    if (p.outcome === null && !votedPhases.includes(this.phase ?? this.congress.phase)) return nothing
    const m = t().desk
    const status = p.outcome ?? 'not-voted'
    return html`<span class="status-badge proposal-outcome" data-status=${status}><span class="visually-hidden">${m.outcomeLabel} </span>${p.outcome === null ? m.outcome.notVoted : m.outcome[p.outcome]}</span>`
  }

  override render() {
    const m = t()
    const { congress } = this
    return html`
      <h1>${congress.title}</h1>
      <p class="subtitle">${congress.organisation} · ${m.edition(congress.edition)} · ${congress.place} · <time datetime=${congress.date}>${formatDate(congress.date)}</time></p>
      ${this.renderPresence()}
      ${this.participant && isAllowed({ role: this.participant.role, phase: this.phase, action: 'floor.ask' })
        ? html`<plenum-floor-card .congress=${congress} .participant=${this.participant} .phase=${this.phase} .revisions=${this.floorRevisions} voteLink></plenum-floor-card>`
        : nothing}
      <section class="card preamble-link" aria-labelledby="preamble-heading">
        <h2 id="preamble-heading"><a href=${paths.preamble(congress.id)}>${m.preamble}</a></h2>
        <p>${m.preambleIntro}</p>
        <p class="count">${m.amendmentCount(congress.preambleAmendmentCount)}</p>
      </section>
      <p class="motion-link"><a href=${paths.motion(congress.id)}>${m.mo.nav}</a> <span class="hint">${m.mo.linkIntro}</span></p>
      <p class="motion-link"><a href=${paths.comparative(congress.id)}>${m.rec.comparativeLink}</a> <span class="hint">${m.rec.comparativeLinkIntro}</span></p>
      <p><a href=${paths.amendments(congress.id)}>${m.amendmentsAll}</a></p>
      ${congress.themes.map((theme) => {
        const proposals = congress.proposals.filter((p) => p.themeId === theme.id)
        return html`
          <section class="theme" aria-labelledby="theme-${theme.id}">
            <h2 id="theme-${theme.id}">${m.themeHeading(theme.position, theme.title)}</h2>
            <p class="count">${m.proposalCount(proposals.length)}</p>
            <ol class="proposals">
              ${proposals.map(
                (p) => html`<li>
                  <a href=${paths.proposal(congress.id, p.number)}>
                    <span class="number" aria-hidden="true">${m.proposalShort(p.number)}</span>
                    <span class="visually-hidden">${withColon(m.proposalLabel(p.number))}</span>
                    <span class="title">${p.title}</span>
                    ${this.renderOutcome(p)}
                    ${p.amendmentCount > 0 ? html`<span class="amendment-count">${m.amendmentCount(p.amendmentCount)}</span>` : nothing}
                    ${this.presence?.docs[p.docName]?.length
                      ? html`<span class="on-text">${m.onlineOnText(this.presence.docs[p.docName]!.length)}</span>`
                      : nothing}
                  </a>
                </li>`,
              )}
            </ol>
          </section>
        `
      })}
      <plenum-my-activity .congressId=${congress.id}></plenum-my-activity>
    `
  }
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00`)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(document.documentElement.lang, { day: 'numeric', month: 'long', year: 'numeric' })
}

customElements.define('plenum-congress-page', CongressPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-congress-page': CongressPage
  }
}
