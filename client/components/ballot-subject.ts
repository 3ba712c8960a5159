import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import type { BallotSubjectView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * The texts are read live over Yjs, which a phone need not download before it can vote: they load
 * after the page, once a subject shows one, and appear when their elements are defined.
 */
let texts: Promise<unknown> | undefined
function loadTexts(): void {
  texts ??= Promise.all([import('./text-view.ts'), import('./amendment-subject-diff.ts')]).catch((error: unknown) => {
    texts = undefined // the next subject shown tries again
    console.error(error)
  })
}

/** What a ballot decides, shown to read: an amendment's diff, a proposal's text, or the whole motion. */
export class BallotSubject extends LightElement {
  static override properties = { subject: { attribute: false } }
  declare subject: BallotSubjectView

  private readonly amendment = new Task(this, {
    task: async ([subject]: readonly [BallotSubjectView]) => (subject.kind === 'amendment' && subject.id ? api.amendment(subject.id) : undefined),
    args: () => [this.subject] as const,
  })

  protected override willUpdate(): void {
    const { subject } = this
    if (subject.kind !== 'motion' && !subject.part) loadTexts()
  }

  override render() {
    const m = t()
    const { subject } = this
    if (subject.kind === 'motion') return html`<p class="subject-motion">${m.v.wholeMotion}</p>`
    if (subject.block && subject.kind === 'amendment') {
      return html`<p class="subject-block">${m.v.blockOfAmendments(subject.block.length)}</p>
        ${subject.block.map(
          (a) => html`<details class="card block-member">
            <summary>${a.label}</summary>
            <plenum-ballot-subject .subject=${{ kind: 'amendment', id: a.id, label: a.label, docName: null, proposalNumber: null, block: null, part: null }}></plenum-ballot-subject>
          </details>`,
        )}`
    }
    if (subject.block) {
      return html`<p class="subject-block">${m.v.blockOf(subject.block.length)}</p>
        ${subject.block.map(
          (p) => html`<details class="card block-member">
            <summary>${p.number === null ? p.label : m.proposalLabel(p.number)} — ${p.title}</summary>
            ${keyed(p.docName, html`<plenum-text-view .docName=${p.docName}></plenum-text-view>`)}
          </details>`,
        )}`
    }
    if (subject.part) {
      return html`<p class="subject-block">${m.v.divisionOf(subject.part.label)}</p>
        <div class="text-view part-text">${subject.part.blocks.map((block) => html`<p>${block}</p>`)}</div>`
    }
    if (subject.kind === 'proposal' && subject.docName) return keyed(subject.docName, html`<plenum-text-view .docName=${subject.docName}></plenum-text-view>`)
    const detail = this.amendment.value
    if (!detail) return this.amendment.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` }) ?? nothing
    return html`
      ${detail.opinion
        ? html`<p class="subject-opinion"><strong>${m.opinionLabel}</strong> ${m.opinionNames[detail.opinion.opinion]}${detail.opinion.comment ? html` — ${detail.opinion.comment}` : nothing}</p>`
        : nothing}
      <p class="hint">${m.amendmentDiffLegend}</p>
      ${detail.id === subject.id ? keyed(detail.id, html`<plenum-amendment-subject-diff .detail=${detail}></plenum-amendment-subject-diff>`) : nothing}
    `
  }
}

customElements.define('plenum-ballot-subject', BallotSubject)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-ballot-subject': BallotSubject
  }
}
