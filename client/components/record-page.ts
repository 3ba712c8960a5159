import { Task } from '@lit/task'
import { html } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { api, apiLinks } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import '../record.css'
import './record-view.ts'

export type RecordKind = 'minutes' | 'comparative'

/** What makes a record read again: its texts, its amendments' steps, its ballots (the event stream's counts). */
export interface RecordRevisions {
  readonly texts: number
  readonly amendments: number
  readonly ballots: number
}

const formats = ['pdf', 'odt', 'docx', 'md'] as const

/**
 * `/congresses/<id>/comparative` (every member) and `/congresses/<id>/minutes` (the bureau's
 * preview): the document as it would be sealed now, in the reader's language, read again when a
 * text, an amendment or a ballot changes; printable, and to download in each of the bundle's formats.
 */
export class RecordPage extends LightElement {
  static override properties = { congress: { attribute: false }, kind: { attribute: false }, revisions: { attribute: false } }
  declare congress: CongressView
  declare kind: RecordKind
  declare revisions: RecordRevisions

  /** The document last read: kept on screen while it reads again. */
  private shown: RecordDocument | undefined

  private readonly task = new Task(this, {
    task: async ([congressId, kind, lang]: readonly [string, RecordKind, 'fr' | 'en', number, number, number]) => api.record(congressId, kind, lang),
    args: () => [this.congress.id, this.kind, language(), this.revisions.texts, this.revisions.amendments, this.revisions.ballots] as const,
    onComplete: (record) => (this.shown = record),
  })

  override render() {
    const m = t()
    const r = m.rec
    const comparative = this.kind === 'comparative'
    const record = this.shown?.lang === language() ? this.shown : undefined
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a></nav>
      <h1>${comparative ? r.comparativeTitle : r.minutesTitle}</h1>
      <p class="record-intro">${comparative ? r.comparativeIntro : r.minutesIntro}</p>
      <div class="record-tools" role="group" aria-label=${r.tools}>
        ${formats.map((f) => html`<a class="link-button" href=${apiLinks.record(this.congress.id, this.kind, language(), f)} download>${r.downloadAs(r.formats[f])}</a>`)}
        <button type="button" class="link-button" @click=${() => window.print()}>${r.print}</button>
      </div>
      ${comparative ? html`<p class="hint">${r.legend}</p>` : ''}
      ${record === undefined
        ? this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
        : html`${this.task.render({ error: () => html`<p role="alert" class="error">${m.genericError}</p>` })}<plenum-record-view .record=${record}></plenum-record-view>`}
    `
  }
}

customElements.define('plenum-record-page', RecordPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-record-page': RecordPage
  }
}
