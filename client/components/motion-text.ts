import { html, nothing } from 'lit'
import type { AmendmentCounts, MotionTextStatus } from '../../shared/api-types.ts'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import { t } from '../i18n/index.ts'
import type { MotionMessages } from '../i18n/fr-motion.ts'
import { LightElement } from '../light-element.ts'
import type { DisplayText, DisplayVotes, MotionDisplay } from '../motion-display.ts'
import { paths } from '../router.ts'
import '../motion.css'

/** The symbol beside a status's words: the words say it, the symbol and colour only repeat it. */
const statusMarks: Record<MotionTextStatus, string> = { adopted: '✓', rejected: '✗', 'under-vote': '●', 'not-voted': '○' }

/** How the amendments' statuses read: adopted and merged are both adopted for the reader of the motion. */
const groups = ['submitted', 'admissible', 'adopted', 'rejected', 'fallen', 'inadmissible', 'withdrawn', 'draft'] as const

function amendmentWords(mo: MotionMessages, counts: AmendmentCounts): string {
  const shown = groups
    .map((group) => [group, group === 'adopted' ? counts.adopted + counts.merged : counts[group]] as const)
    .filter(([, n]) => n > 0)
    .map(([group, n]) => mo.amendmentGroups[group](n))
  return shown.length === 0 ? mo.noAmendment : shown.join(', ')
}

/**
 * The motion drawn as one document: its identity and overall status, the preamble, then each
 * question (h2) and its proposals (h3), each with its status in words and its amendments. The
 * same drawing for the live page and the sealed motion; printable as it is (motion.css).
 */
export class MotionText extends LightElement {
  static override properties = { motion: { attribute: false }, lineNumbers: { attribute: false } }
  declare motion: MotionDisplay
  /** Each text's printed lines numbered in the margin, as amendments cite them (80 characters a line). */
  declare lineNumbers: boolean

  constructor() {
    super()
    this.lineNumbers = false
  }

  private renderStatus(status: MotionTextStatus, votes: DisplayVotes | null) {
    const mo = t().mo
    const words = this.motion.sealed && status === 'not-voted' ? mo.notPutToVote : mo.status[status]
    return html`<span class="motion-status" data-status=${status}
        ><span class="visually-hidden">${mo.statusLabel} </span><span aria-hidden="true" class="motion-status-mark">${statusMarks[status]}</span> ${words}</span
      >${votes ? html` <span class="motion-votes">(${mo.votes(votes.yes, votes.no, votes.abstain, mo.outcome[votes.outcome])})</span>` : nothing}`
  }

  private renderAmendments(text: DisplayText) {
    const mo = t().mo
    if (text.amendments.kind === 'merged') return text.amendments.count > 0 ? html`<span class="motion-amendments">${mo.mergedAmendments(text.amendments.count)}</span>` : nothing
    return html`<span class="motion-amendments">${mo.amendmentsLabel} ${amendmentWords(mo, text.amendments.counts)}</span>`
  }

  private renderParagraphs(paragraphs: readonly string[]) {
    const mo = t().mo
    if (paragraphs.every((p) => p.trim() === '')) return html`<p class="motion-empty">${mo.emptyText}</p>`
    if (!this.lineNumbers) return html`<div class="motion-body">${paragraphs.map((p) => (p === '' ? nothing : html`<p>${p}</p>`))}</div>`
    const lines = numberLines(paragraphs)
    return html`<div class="motion-body numbered">
      ${paragraphs.map((_, index) => {
        const own = lines.filter((line) => line.paragraph === index)
        return own.length === 0
          ? nothing
          : html`<p>
              ${own.map(
                (line) => html`<span class="motion-line"
                  ><span class="motion-line-number"><span class="visually-hidden">${mo.lineNumber(line.number)} </span><span aria-hidden="true">${line.number}</span></span
                  ><span class="motion-line-text">${line.text}</span></span
                >`,
              )}
            </p>`
      })}
    </div>`
  }

  override render() {
    const m = t()
    const mo = m.mo
    const { motion } = this
    const { congress } = motion
    const anchor = (position: number) => `motion-question-${position}`
    return html`<div class="motion-document">
      <p class="motion-identity">${congress.organisation} · ${m.edition(congress.edition)} · ${congress.place} · <time datetime=${congress.date}>${longDate(congress.date)}</time></p>
      <p class="motion-overall">${mo.motionStatus} ${this.renderStatus(motion.status, motion.votes)}</p>
      <nav class="motion-contents" aria-label=${mo.contents}>
        <ol>
          <li><a href="#motion-preamble">${m.preamble}</a></li>
          ${motion.questions.map((q) => html`<li><a href=${`#${anchor(q.position)}`}>${m.themeHeading(q.position, q.title)}</a></li>`)}
        </ol>
      </nav>
      <section class="motion-preamble" aria-labelledby="motion-preamble">
        <h2 id="motion-preamble" tabindex="-1">${m.preamble}</h2>
        <p class="motion-meta">${mo.preambleNote} ${this.renderAmendments(motion.preamble)}</p>
        ${this.renderParagraphs(motion.preamble.paragraphs)}
      </section>
      ${motion.questions.map(
        (question) => html`<section class="motion-question" aria-labelledby=${anchor(question.position)}>
          <h2 id=${anchor(question.position)} tabindex="-1">${m.themeHeading(question.position, question.title)}</h2>
          ${question.proposals.length === 0 ? html`<p class="motion-empty">${mo.noProposal}</p>` : nothing}
          ${question.proposals.map((proposal) => {
            const heading = `${m.proposalLabel(proposal.number)} — ${proposal.title}`
            return html`<article class="motion-proposal" data-status=${proposal.status} aria-labelledby=${`motion-proposal-${proposal.number}`}>
              <h3 id=${`motion-proposal-${proposal.number}`}>${motion.sealed ? heading : html`<a href=${paths.proposal(congress.id, proposal.number)}>${heading}</a>`}</h3>
              <p class="motion-meta">${this.renderStatus(proposal.status, proposal.votes)} ${this.renderAmendments(proposal)}</p>
              ${this.renderParagraphs(proposal.paragraphs)}
            </article>`
          })}
        </section>`,
      )}
    </div>`
  }
}

function longDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00`)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(document.documentElement.lang, { day: 'numeric', month: 'long', year: 'numeric' })
}

customElements.define('plenum-motion-text', MotionText)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-motion-text': MotionText
  }
}
