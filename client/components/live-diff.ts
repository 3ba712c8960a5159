import type { PropertyValues } from 'lit'
import { html } from 'lit'
import * as Y from 'yjs'
import { amendmentDiff } from '../../shared/amendments/fork.ts'
import { docField } from '../../shared/editor/extensions.ts'
import type { TextDiff } from '../../shared/amendments/text-diff.ts'
import { LightElement } from '../light-element.ts'
import { SyncController } from '../sync/sync-controller.ts'
import './amendment-diff.ts'

/**
 * An amendment's diff, kept live: against its target as it is now (followed over the sync socket,
 * read-only), or against the text it was merged into. Recomputed by the same shared function the
 * server uses, at most once per frame, whenever either text changes.
 */
export class LiveDiff extends LightElement {
  static override properties = {
    targetDocName: { attribute: false },
    forkVector: { attribute: false },
    mergedOnto: { attribute: false },
    amendmentDoc: { attribute: false },
    diff: { state: true },
  }

  declare targetDocName: string
  declare forkVector: Uint8Array
  /** Set once merged: the target as it was just before, so the diff still shows what was merged. */
  declare mergedOnto: Uint8Array | undefined
  /** The amendment's live Y.Doc, as the editor on the page holds it. */
  declare amendmentDoc: Y.Doc | undefined
  declare diff: TextDiff | undefined
  /** The target as it is now; none once merged (the diff is then against `mergedOnto`). */
  private readonly target = new SyncController(this, { onChange: () => this.schedule() })
  private frame = 0

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.amendmentDoc?.off('update', this.schedule)
    cancelAnimationFrame(this.frame)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated) this.requestUpdate('amendmentDoc')
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('targetDocName') || changed.has('mergedOnto')) this.target.setDoc(this.mergedOnto ? undefined : this.targetDocName)
    if (changed.has('amendmentDoc')) {
      changed.get('amendmentDoc')?.off('update', this.schedule)
      this.amendmentDoc?.on('update', this.schedule)
    }
    if (changed.has('amendmentDoc') || changed.has('mergedOnto') || changed.has('forkVector')) this.schedule()
  }

  protected override updated(): void {
    // The target's first sync may bring no update event of its own (nothing new): compute once then.
    if (!this.diff && (this.mergedOnto || this.target.synced)) this.schedule()
  }

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.compute())
  }

  private compute(): void {
    const amendment = this.amendmentDoc
    const targetDoc = this.target.synced ? this.target.doc : undefined
    const base = this.mergedOnto ?? (targetDoc ? Y.encodeStateAsUpdate(targetDoc) : undefined)
    // An amendment doc that has not arrived yet is empty: no diff until both texts are there.
    if (!amendment || !base || amendment.getXmlFragment(docField).length === 0) return
    this.diff = amendmentDiff(base, Y.encodeStateAsUpdate(amendment), this.forkVector)
    this.dispatchEvent(new CustomEvent('diff-change', { detail: this.diff }))
  }

  override render() {
    return html`<plenum-amendment-diff .diff=${this.diff}></plenum-amendment-diff>`
  }
}

customElements.define('plenum-live-diff', LiveDiff)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-live-diff': LiveDiff
  }
}
