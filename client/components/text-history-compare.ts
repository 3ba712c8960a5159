import { Task } from '@lit/task'
import { html } from 'lit'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import type { TextVersionCompareView, TextVersionTextView } from '../../shared/history/text-history.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import './amendment-diff.ts'

export type CompareMode = 'diff' | 'side'

type Loaded = { readonly one: TextVersionTextView } | { readonly two: TextVersionCompareView }

/**
 * Two versions of a text: the word diff of the second on the first's numbered lines (the
 * amendments' own diff, the same numbering), or both side by side (one above the other on a phone).
 * One version chosen twice: its text alone.
 */
export class TextHistoryCompare extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    fromId: { attribute: false },
    toId: { attribute: false },
    mode: { attribute: false },
    revision: { attribute: false },
  }

  declare congressId: string
  declare fromId: string
  declare toId: string
  declare mode: CompareMode
  /** Grows when the list is read again (after a restore): the comparison is read again too. */
  declare revision: number

  private readonly load = new Task(this, {
    task: async ([congressId, fromId, toId]: readonly [string, string, string, number]): Promise<Loaded> =>
      fromId === toId ? { one: await api.textVersion(congressId, fromId) } : { two: await api.compareVersions(congressId, fromId, toId) },
    args: () => [this.congressId, this.fromId, this.toId, this.revision] as const,
  })

  private numbered(text: TextVersionTextView, headingId: string) {
    const m = t().h
    const lines = numberLines(text.paragraphs)
    return html`<section class="history-column" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${m.versionLabel(text.version.seq)}</h3>
      ${lines.length === 0
        ? html`<p class="hint">${m.emptyText}</p>`
        : html`<div class="diff" role="list">
            ${lines.map(
              (line, i) => html`<div class="diff-line${i > 0 && lines[i - 1]!.paragraph !== line.paragraph ? ' paragraph-start' : ''}" role="listitem">
                <span class="line-number"><span class="visually-hidden">${t().lineNumber(line.number)}</span><span aria-hidden="true">${line.number}</span></span>
                <span class="line-text">${line.text}</span>
              </div>`,
            )}
          </div>`}
    </section>`
  }

  override render() {
    const m = t()
    return this.load.render({
      pending: () => html`<p role="status">${m.loading}</p>`,
      error: (error) => html`<p role="alert" class="error">${describeFailure(error)}</p>`,
      complete: (result) => {
        if ('one' in result) return html`<p class="hint">${m.h.sameVersion}</p>${this.numbered(result.one, 'history-one')}`
        const { from, to, diff } = result.two
        return html`
          <p class="history-comparing"><strong>${m.h.comparing(from.version.seq, to.version.seq)}</strong></p>
          ${this.mode === 'side'
            ? html`<div class="history-side">${this.numbered(from, 'history-from')}${this.numbered(to, 'history-to')}</div>`
            : html`<plenum-amendment-diff .diff=${diff} .noChange=${m.h.noDifference}></plenum-amendment-diff>`}
        `
      },
    })
  }
}

customElements.define('plenum-text-history-compare', TextHistoryCompare)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-history-compare': TextHistoryCompare
  }
}
