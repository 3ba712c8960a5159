import type { PropertyValues } from 'lit'
import { html } from 'lit'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import { docParagraphs } from '../../shared/editor/doc-state.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { SyncController } from '../sync/sync-controller.ts'
import './editor.css'

/**
 * A text shown to read, not to edit: its paragraphs, live, without an editor's weight (phones,
 * projector), with the line numbers of the amendments' diffs in the margin (the same rule,
 * `numberLines`), each where its printed line starts.
 */
export class TextView extends LightElement {
  static override properties = { docName: { attribute: false } }
  declare docName: string
  private readonly sync = new SyncController(this, { onChange: () => this.requestUpdate() })

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('docName')) this.sync.setDoc(this.docName)
  }

  override render() {
    const doc = this.sync.doc
    if (!this.sync.synced || !doc) return html`<p role="status">${t().loading}</p>`
    const paragraphs = docParagraphs(doc)
    const lines = numberLines(paragraphs)
    return html`<div class="text-view numbered">
      ${paragraphs.map(
        (_, index) =>
          html`<p>${lines
            .filter((line) => line.paragraph === index)
            .map((line) => html`<span class="view-line"><span class="line-mark" aria-hidden="true">${line.number}</span>${line.text}</span>`)}</p>`,
      )}
    </div>`
  }
}

customElements.define('plenum-text-view', TextView)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-view': TextView
  }
}
