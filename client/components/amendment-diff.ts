import { html, nothing } from 'lit'
import type { DiffSegment, TextDiff } from '../../shared/amendments/text-diff.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * A diff as the assembly reads it: the base's line numbers in the margin, insertions underlined and
 * deletions struck through, each also announced in words for screen readers.
 */
export class AmendmentDiff extends LightElement {
  static override properties = { diff: { attribute: false }, noChange: { attribute: false } }
  declare diff: TextDiff | undefined
  /** What an empty diff says (an amendment's by default; a text's history says two versions agree). */
  declare noChange: string | undefined

  private segment(segment: DiffSegment) {
    const m = t()
    if (segment.kind === 'same') return segment.text
    const inserted = segment.kind === 'ins'
    const said = inserted ? m.diffInserted : m.diffDeleted
    const body = segment.paragraphBreak
      ? html`<span aria-hidden="true">¶</span><span class="visually-hidden">[${inserted ? m.diffInsertedParagraph : m.diffDeletedParagraph}]</span>`
      : html`<span class="visually-hidden">[${said}] </span>${segment.text}<span class="visually-hidden"> [${m.diffEnd}]</span>`
    return inserted ? html`<ins class=${segment.paragraphBreak ? 'break' : ''}>${body}</ins>` : html`<del class=${segment.paragraphBreak ? 'break' : ''}>${body}</del>`
  }

  override render() {
    const m = t()
    const diff = this.diff
    if (!diff) return html`<p role="status">${m.loading}</p>`
    return html`
      <p class="diff-summary" data-lines=${diff.changed.map((r) => `${r.from}-${r.to}`).join(',')}>
        <strong>${m.linesSummary(diff.changed)}</strong>
      </p>
      ${diff.changed.length === 0 ? html`<p class="hint">${this.noChange ?? m.amendmentNoChange}</p>` : nothing}
      <div class="diff" role="list">
        ${diff.lines.map(
          (line) => html`<div class="diff-line${line.paragraphStart ? ' paragraph-start' : ''}" role="listitem" data-line=${line.number ?? ''}>
            <span class="line-number">${line.number === null ? '' : html`<span class="visually-hidden">${m.lineNumber(line.number)}</span><span aria-hidden="true">${line.number}</span>`}</span>
            <span class="line-text">${line.segments.map((s) => this.segment(s))}</span>
          </div>`,
        )}
      </div>
    `
  }
}

customElements.define('plenum-amendment-diff', AmendmentDiff)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendment-diff': AmendmentDiff
  }
}
