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
  private sync?: SyncController

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('docName')) {
      this.close()
      this.sync = new SyncController(this, this.docName)
      this.sync.doc.on('update', this.redraw)
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.close()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated && !this.sync) this.requestUpdate('docName')
  }

  private readonly redraw = () => this.requestUpdate()

  private close(): void {
    if (!this.sync) return
    this.sync.doc.off('update', this.redraw)
    this.removeController(this.sync)
    this.sync.destroy()
    this.sync = undefined
  }

  override render() {
    if (!this.sync?.synced) return html`<p role="status">${t().loading}</p>`
    return html`<div class="text-view">${docParagraphs(this.sync.doc).map((p) => html`<p>${p}</p>`)}</div>`
  }
}

customElements.define('plenum-text-view', TextView)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-view': TextView
  }
}
