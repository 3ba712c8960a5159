import { html, nothing } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import type { CongressView, ParticipantView } from '../../shared/api-types.ts'
import { withColon } from '../i18n/colon.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { participantColor } from '../../shared/participant-color.ts'
import { paths } from '../router.ts'
import type { Phase } from '../../shared/phases.ts'
import './doc-editor.ts'
import './text-amendments.ts'

/** One text of the motion, live: a proposal (by number) or, without a number, the preamble. */
export class TextPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    number: { type: Number },
    phase: { attribute: false },
    revision: { attribute: false },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare number: number | undefined
  declare phase: Phase
  /** Grows when amendments change: the list under the text reads them again. */
  declare revision: number

  override render() {
    const m = t()
    const { congress, participant } = this
    const proposal = this.number === undefined ? undefined : congress.proposals.find((p) => p.number === this.number)
    if (this.number !== undefined && !proposal) {
      return html`<h1>${m.proposalNotFound}</h1><p><a href=${paths.congress(congress.id)}>${m.backToCongress}</a></p>`
    }
    const theme = proposal && congress.themes.find((th) => th.id === proposal.themeId)
    const title = proposal ? proposal.title : m.preamble
    const label = proposal ? `${m.proposalLabel(proposal.number)} — ${proposal.title}` : m.preamble
    const docName = proposal ? proposal.docName : congress.preambleDocName
    const index = proposal ? congress.proposals.indexOf(proposal) : -1
    const previous = congress.proposals[index - 1]
    const next = index >= 0 ? congress.proposals[index + 1] : undefined
    const user = { name: participant.name, color: participantColor(participant.id) }
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb">
        <a href=${paths.congress(congress.id)}>${congress.title}</a>
      </nav>
      <header class="text-header">
        ${proposal ? html`<p class="kicker">${m.proposalLabel(proposal.number)}</p>` : nothing}
        <h1>${title}</h1>
        ${theme ? html`<p class="theme-name"><span class="label">${withColon(`${m.proposalTheme} ${theme.position}`)}</span> ${theme.title}</p>` : nothing}
        <p class="text-history-link"><a href=${paths.textHistory(congress.id, proposal?.number)}>${m.h.historyLink}</a></p>
      </header>
      ${keyed(docName, html`<plenum-doc-editor numbered doc-name=${docName} .label=${label} .user=${user} .roleName=${m.roleLabel[participant.role]}></plenum-doc-editor>`)}
      <plenum-text-amendments
        .congress=${congress}
        .participant=${participant}
        .phase=${this.phase}
        .proposalId=${proposal?.id}
        .targetDocName=${docName}
        .revision=${this.revision}
      ></plenum-text-amendments>
      ${proposal
        ? html`<nav class="pager" aria-label=${m.proposalLabel(proposal.number)}>
            ${previous ? html`<a rel="prev" href=${paths.proposal(congress.id, previous.number)}>← ${m.previousProposal} (${m.proposalShort(previous.number)})</a>` : html`<span></span>`}
            ${next ? html`<a rel="next" href=${paths.proposal(congress.id, next.number)}>${m.nextProposal} (${m.proposalShort(next.number)}) →</a>` : nothing}
          </nav>`
        : nothing}
    `
  }
}

customElements.define('plenum-text-page', TextPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-page': TextPage
  }
}
