import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { html, nothing } from 'lit'
import type * as Y from 'yjs'
import type { ReadOnlyReason } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import type { Refusal } from '../../shared/sync/access-message.ts'
import { maxTextChars } from '../../shared/editor/text-limits.ts'
import { contentExtensions, docField } from '../../shared/editor/extensions.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { SyncController } from '../sync/sync-controller.ts'
import { TextSizeLimit } from './text-size-limit.ts'

/** The cap as people read it in their language (100 000 / 100,000). */
const maxChars = maxTextChars.toLocaleString(document.documentElement.lang || 'fr')

export interface EditorUser {
  readonly name: string
  readonly color: string
}

/** A live, shared text: Tiptap bound to a Y.Doc, with the others' carets and the sync state. */
export class DocEditor extends LightElement {
  static override properties = {
    docName: { attribute: 'doc-name' },
    label: {},
    user: { attribute: false },
    roleName: { attribute: false },
    discarded: { state: true },
    tooLong: { state: true },
  }

  declare docName: string
  declare label: string
  declare user: EditorUser
  /** The person's role, as shown to them, for the read-only reason. */
  declare roleName: string
  /**
   * The server dropped edits and the text was reloaded: it was locked meanwhile (`locked`), or it
   * refused a change outside the editor schema (`schema`) or over the size cap (`size`).
   */
  declare discarded: '' | 'locked' | Refusal
  /** A keystroke or paste was stopped before the size cap. */
  declare tooLong: boolean
  private sync?: SyncController
  private editor?: Editor

  protected override firstUpdated(): void {
    this.open()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated && !this.sync) this.open()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.close()
  }

  private close(): void {
    this.editor?.destroy()
    this.editor = undefined
    const mount = this.querySelector<HTMLElement>('.editor-mount')
    if (mount) mount.replaceChildren()
    if (this.sync) {
      this.removeController(this.sync)
      this.sync.destroy()
      this.sync = undefined
    }
  }

  /** Starts again from the server's state: local edits it refused must not linger on screen. */
  private reload(refusal?: Refusal): void {
    this.discarded = refusal ?? 'locked'
    queueMicrotask(() => {
      this.close()
      this.open()
    })
  }

  protected override updated(): void {
    const editable = this.sync?.editable ?? false
    if (this.editor && this.editor.isEditable !== editable) this.editor.setEditable(editable, false)
  }

  private open(): void {
    const mount = this.querySelector<HTMLElement>('.editor-mount')
    if (!mount) return
    const sync = new SyncController(this, this.docName, (refusal) => this.reload(refusal))
    this.sync = sync
    this.editor = new Editor({
      element: mount,
      editable: false,
      // Its base styles come from tiptap-base.css: the CSP allows no inline <style>.
      injectCSS: false,
      extensions: [
        ...contentExtensions,
        Collaboration.configure({ document: sync.doc, field: docField }),
        CollaborationCaret.configure({ provider: sync.provider, user: { name: this.user.name, color: this.user.color } }),
        TextSizeLimit.configure({ onRefused: () => (this.tooLong = true) }),
      ],
      onUpdate: () => {
        if (this.tooLong) this.tooLong = false
      },
      editorProps: {
        attributes: {
          class: 'editor-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t().editorLabel(this.label),
          spellcheck: 'true',
          lang: 'fr',
        },
      },
    })
    this.requestUpdate()
    // Pages that show more of this text (an amendment's diff) follow the same Y.Doc.
    this.dispatchEvent(new CustomEvent<Y.Doc>('doc-ready', { detail: sync.doc }))
  }

  private readOnlyText(reason: ReadOnlyReason, phase: Phase): string {
    const m = t()
    if (reason === 'phase') return m.readOnlyPhase[phase]
    if (reason === 'author') return m.readOnlyAuthor
    if (reason === 'closed') return m.readOnlyClosed
    if (reason === 'voted') return m.readOnlyVoted
    return m.readOnlyRole(this.roleName)
  }

  private discardedText(why: 'locked' | Refusal): string {
    const m = t()
    if (why === 'size') return m.editRefusedSize(maxChars)
    if (why === 'schema') return m.editRefusedSchema
    return m.editsDiscarded
  }

  override render() {
    const m = t()
    const sync = this.sync
    const connection = sync?.connection ?? 'connecting'
    const connectionText = {
      connecting: m.syncConnecting,
      connected: m.syncConnected,
      offline: m.syncOffline,
      denied: m.syncDenied,
      missing: m.syncMissing,
      closed: m.syncBroken,
    }[connection]
    const saved = sync && connection === 'connected' ? (sync.unsaved ? m.syncSaving : m.syncSaved) : sync?.unsaved ? m.syncUnsaved : undefined
    const peers = sync?.peers ?? []
    const access = sync?.access
    const readOnly = access && !access.writable ? this.readOnlyText(access.reason, access.phase) : undefined
    return html`
      <div class="sync-bar" aria-label=${m.syncStatus} role="group">
        <span class="sync-state sync-${connection}" role="status" data-connection=${connection}>${connectionText}</span>
        ${saved ? html`<span class="save-state" data-saved=${sync?.unsaved ? 'no' : 'yes'}>${saved}</span>` : nothing}
        <span class="peers">${peers.length ? m.othersEditing(peers.map((p) => p.name).join(', ')) : m.aloneEditing}</span>
      </div>
      ${readOnly ? html`<p class="read-only-notice" role="status" data-read-only=${access && !access.writable ? access.reason : ''}>${readOnly}</p>` : nothing}
      ${this.discarded ? html`<p class="error" role="alert" data-discarded=${this.discarded}>${this.discardedText(this.discarded)}</p>` : nothing}
      ${this.tooLong ? html`<p class="error" role="alert" data-too-long>${m.textTooLong(maxChars)}</p>` : nothing}
      <div class="editor-mount"></div>
    `
  }
}

customElements.define('plenum-doc-editor', DocEditor)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-doc-editor': DocEditor
  }
}
