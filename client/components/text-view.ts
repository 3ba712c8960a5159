import type { PropertyValues } from 'lit'
import { html } from 'lit'
import { docParagraphs } from '../../shared/editor/doc-state.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { SyncController } from '../sync/sync-controller.ts'

/** A text shown to read, not to edit: its paragraphs, live, without an editor's weight (phones, projector). */
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
    return html`<div class="text-view">${docParagraphs(doc).map((p) => html`<p>${p}</p>`)}</div>`
  }
}

customElements.define('plenum-text-view', TextView)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-view': TextView
  }
}
