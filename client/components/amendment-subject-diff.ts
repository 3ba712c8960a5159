import { html } from 'lit'
import type { AmendmentDetailView } from '../../shared/api-types.ts'
import { LightElement } from '../light-element.ts'
import { SyncController } from '../sync/sync-controller.ts'
import './live-diff.ts'

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/**
 * An amendment put to the vote, as its live diff: its own text followed read-only over the sync socket.
 * Apart from plenum-ballot-subject so that Yjs loads only once a subject shows a text (ballot-subject.ts).
 */
export class AmendmentSubjectDiff extends LightElement {
  static override properties = { detail: { attribute: false } }
  declare detail: AmendmentDetailView
  private readonly amendmentSync = new SyncController(this)

  // Here, not in render(): rendering opens no socket.
  protected override willUpdate(): void {
    this.amendmentSync.setDoc(this.detail.docName)
  }

  override render() {
    const { detail } = this
    return html`<plenum-live-diff
      .targetDocName=${detail.targetDocName}
      .forkVector=${fromBase64(detail.forkVector)}
      .mergedOnto=${detail.mergedOnto ? fromBase64(detail.mergedOnto) : undefined}
      .amendmentDoc=${this.amendmentSync.doc}
    ></plenum-live-diff>`
  }
}

customElements.define('plenum-amendment-subject-diff', AmendmentSubjectDiff)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-amendment-subject-diff': AmendmentSubjectDiff
  }
}
