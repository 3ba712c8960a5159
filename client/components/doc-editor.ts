import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { html, nothing, type PropertyValues } from 'lit'
import type * as Y from 'yjs'
import type { ReadOnlyReason } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import type { Refusal } from '../../shared/sync/access-message.ts'
import { maxTextChars } from '../../shared/editor/text-limits.ts'
import { contentExtensions, docField } from '../../shared/editor/extensions.ts'
import { t } from '../i18n/index.ts'
import { ed } from '../i18n/editor-messages.ts'
import { LightElement } from '../light-element.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { SyncController } from '../sync/sync-controller.ts'
import { TextSizeLimit } from './text-size-limit.ts'
import { CaretLabels, renderCaret } from './editor-carets.ts'
import { LineGutter } from './editor-line-numbers.ts'
import { UndoSteps } from './editor-undo-steps.ts'
import './editor-toolbar.ts'
import './editor.css'

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
    numbered: { type: Boolean },
    user: { attribute: false },
    roleName: { attribute: false },
    discarded: { state: true },
    tooLong: { state: true },
  }

  declare docName: string
  declare label: string
  /**
   * Line numbers beside the text: on a motion's own texts, whose numbers the amendments' diffs
   * quote. Not on an amendment's text, whose lines are not the ones its diff numbers.
   */
  declare numbered: boolean
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
  private readonly sync = new SyncController(this, { onUnsavedRefused: (refusal) => this.reload(refusal) })
  private editor?: Editor
  private gutter?: LineGutter
  private caretLabels?: CaretLabels
  /** The Y.Doc the editor is bound to: the controller gives a new one for each document or reload. */
  private editorDoc?: Y.Doc

  private unguard?: () => void

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('docName')) this.sync.setDoc(this.docName)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // Edits typed offline live only in this Y.Doc, which goes with the page: leaving asks first.
    // Online, a pending edit is already on its way and is acknowledged within moments.
    this.unguard = guardUnsaved(() => this.sync.unsaved && this.sync.connection !== 'connected')
  }

  override disconnectedCallback(): void {
    this.unguard?.()
    this.unguard = undefined
    // The editor goes before its Y.Doc, which the controller destroys as the host leaves.
    this.closeEditor()
    super.disconnectedCallback()
  }

  private closeEditor(): void {
    this.gutter?.destroy()
    this.caretLabels?.destroy()
    this.gutter = undefined
    this.caretLabels = undefined
    this.editor?.destroy()
    this.editor = undefined
    this.editorDoc = undefined
    this.querySelector<HTMLElement>('.editor-mount')?.replaceChildren()
  }

  /** Starts again from the server's state: local edits it refused must not linger on screen. */
  private reload(refusal?: Refusal): void {
    this.discarded = refusal ?? 'locked'
    queueMicrotask(() => this.sync.reload())
  }

  // The editor follows the controller's Y.Doc once the mount is on the page.
  protected override updated(): void {
    // Through the CSSOM: the Content-Security-Policy refuses style attributes.
    for (const dot of this.querySelectorAll<HTMLElement>('.sync-bar .peer-colour')) dot.style.backgroundColor = dot.dataset.colour ?? ''
    if (this.sync.doc !== this.editorDoc) this.openEditor()
    const editable = this.sync.editable
    if (this.editor && this.editor.isEditable !== editable) this.editor.setEditable(editable, false)
  }

  private openEditor(): void {
    this.closeEditor()
    const mount = this.querySelector<HTMLElement>('.editor-mount')
    const doc = this.sync.doc
    const provider = this.sync.provider
    if (!mount || !doc || !provider) return
    this.editorDoc = doc
    this.editor = new Editor({
      element: mount,
      editable: false,
      // Its base styles come from tiptap-base.css: the CSP allows no inline <style>.
      injectCSS: false,
      extensions: [
        ...contentExtensions,
        Collaboration.configure({ document: doc, field: docField }),
        CollaborationCaret.configure({ provider, user: { name: this.user.name, color: this.user.color }, render: renderCaret }),
        UndoSteps,
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
    const gutter = this.querySelector<HTMLElement>('.line-gutter')
    if (gutter && this.numbered) this.gutter = new LineGutter(this.editor, gutter)
    this.caretLabels = new CaretLabels(provider, mount)
    this.requestUpdate()
    // Pages that show more of this text (an amendment's diff) follow the same Y.Doc.
    this.dispatchEvent(new CustomEvent<Y.Doc>('doc-ready', { detail: doc }))
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
    const connection = sync.connection
    const connectionText = {
      connecting: m.syncConnecting,
      connected: m.syncConnected,
      offline: m.syncOffline,
      denied: m.syncDenied,
      missing: m.syncMissing,
      closed: m.syncBroken,
    }[connection]
    // Offline, what waits is counted; back online, the page says when all of it is stored.
    const saved =
      connection === 'connected' ? (sync.unsaved ? m.syncSaving : sync.reconnected ? ed().resynced : m.syncSaved) : sync.unsaved ? ed().pending(sync.pendingCount) : undefined
    const peers = sync.peers ?? []
    const access = sync.access
    const readOnly = access && !access.writable ? this.readOnlyText(access.reason, access.phase) : undefined
    // The sync state and the toolbar stay in view together while a long text scrolls under them.
    return html`
      <div class="editor-head">
      <div class="sync-bar" aria-label=${m.syncStatus} role="group">
        <span class="sync-state sync-${connection}" role="status" data-connection=${connection}>${connectionText}</span>
        ${saved ? html`<span class="save-state" data-saved=${sync.unsaved ? 'no' : 'yes'} data-pending=${sync.pendingCount}>${saved}</span>` : nothing}
        <span class="peers"
          >${peers.length
            ? html`${ed().others}
              ${peers.map(
                (p, i) =>
                  html`${i > 0 ? ', ' : ''}<span class="peer"
                      ><span class="peer-colour" aria-hidden="true" data-colour=${p.color}></span>${p.name}</span
                    >`,
              )}`
            : m.aloneEditing}</span
        >
      </div>
      ${this.editor && (!access || access.writable)
        ? html`<plenum-editor-toolbar .editor=${this.editor} ?editable=${sync.editable}></plenum-editor-toolbar>`
        : nothing}
      </div>
      ${readOnly ? html`<p class="read-only-notice" role="status" data-read-only=${access && !access.writable ? access.reason : ''}>${readOnly}</p>` : nothing}
      ${this.discarded ? html`<p class="error" role="alert" data-discarded=${this.discarded}>${this.discardedText(this.discarded)}</p>` : nothing}
      ${this.tooLong ? html`<p class="error" role="alert" data-too-long>${m.textTooLong(maxChars)}</p>` : nothing}
      <div class="editor-body ${this.numbered ? 'numbered' : ''}">
        ${this.numbered ? html`<div class="line-gutter" aria-hidden="true" title=${ed().lineNumbers}></div>` : nothing}
        <div class="editor-mount"></div>
      </div>
    `
  }
}

customElements.define('plenum-doc-editor', DocEditor)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-doc-editor': DocEditor
  }
}
