import { html, nothing, type TemplateResult } from 'lit'
import type { RecordBlock, RecordCell, RecordDocument, RecordLine, RecordRun } from '../../shared/record/record-document.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * A record document (the minutes, the comparative table) as a page reads it: the same blocks the
 * PDF, ODT and Word files are made of, as HTML. Headings sit below the page's own h1; tables have
 * their caption and column headers; a line keeps its number in the margin; insertions are
 * underlined and deletions struck through, each also announced in words.
 */
export class RecordView extends LightElement {
  static override properties = { record: { attribute: false } }
  declare record: RecordDocument

  private run(run: RecordRun): TemplateResult | string {
    const m = t()
    switch (run.mark) {
      case 'strong':
        return html`<strong>${run.text}</strong>`
      case 'em':
        return html`<em>${run.text}</em>`
      case 'ins':
        return html`<ins><span class="visually-hidden">[${m.diffInserted}] </span>${run.text}<span class="visually-hidden"> [${m.diffEnd}]</span></ins>`
      case 'del':
        return html`<del><span class="visually-hidden">[${m.diffDeleted}] </span>${run.text}<span class="visually-hidden"> [${m.diffEnd}]</span></del>`
      default:
        return run.text
    }
  }

  private runs(runs: readonly RecordRun[]) {
    return runs.map((r) => this.run(r))
  }

  private lines(lines: readonly RecordLine[]) {
    const m = t()
    return html`<div class="diff record-lines">
      ${lines.map(
        (line) => html`<div class="diff-line${line.paragraphStart ? ' paragraph-start' : ''}">
          <span class="line-number">${line.number === null ? '' : html`<span class="visually-hidden">${m.lineNumber(line.number)}</span><span aria-hidden="true">${line.number}</span>`}</span>
          <span class="line-text">${this.runs(line.runs)}</span>
        </div>`,
      )}
    </div>`
  }

  private cell(cell: RecordCell) {
    return cell.kind === 'lines' ? this.lines(cell.lines) : cell.paragraphs.map((p) => html`<p>${this.runs(p)}</p>`)
  }

  private block(block: RecordBlock) {
    switch (block.kind) {
      case 'heading':
        // The page's h1 is the document's title: its level 1 is an h2.
        return block.level === 1 ? html`<h2>${block.text}</h2>` : block.level === 2 ? html`<h3>${block.text}</h3>` : html`<h4>${block.text}</h4>`
      case 'paragraph':
        return html`<p>${this.runs(block.runs)}</p>`
      case 'list':
        return html`<ul>
          ${block.items.map((item) => html`<li>${this.runs(item)}</li>`)}
        </ul>`
      case 'lines':
        return this.lines(block.lines)
      case 'table':
        return html`<div class="record-table-wrap">
          <table class="record-table" data-columns=${block.columns.length}>
            <caption>
              ${block.caption}
            </caption>
            <thead>
              <tr>
                ${block.columns.map((c) => html`<th scope="col">${c.title}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${block.rows.map(
                (row) => html`<tr>
                  ${row.map((cell, i) => html`<td data-column=${block.columns[i]?.title ?? nothing}>${this.cell(cell)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
    }
  }

  override render() {
    return html`<div class="record">${this.record.blocks.map((b) => this.block(b))}</div>`
  }
}

customElements.define('plenum-record-view', RecordView)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-record-view': RecordView
  }
}
