import type { ChainedCommands, Editor } from '@tiptap/core'
import { html, nothing, type PropertyValues } from 'lit'
import { ed } from '../i18n/editor-messages.ts'
import { LightElement } from '../light-element.ts'

interface Tool {
  readonly key: string
  readonly label: string
  /** What the button shows; its name is `label`. */
  readonly glyph: string
  /** For a format or a list: whether the selection has it (aria-pressed). */
  readonly pressed?: boolean
  readonly run: (chain: ChainedCommands) => ChainedCommands
  readonly enabled: boolean
}

/**
 * The editor's toolbar: bold, italic, the two lists, undo and redo. Buttons of 44 px for a finger,
 * named for a screen reader, pressed state said; one tab stop, the arrow keys move along it
 * (WAI-ARIA toolbar pattern). A tap keeps the keyboard of a phone open: the button takes no focus
 * from the text; from the keyboard, the focus stays on the toolbar.
 */
export class EditorToolbar extends LightElement {
  static override properties = {
    editor: { attribute: false },
    editable: { type: Boolean },
    current: { state: true },
  }

  declare editor: Editor | undefined
  declare editable: boolean
  /** The one button in the tab order (roving tabindex). */
  declare current: number

  constructor() {
    super()
    this.current = 0
    this.editable = false
  }

  private readonly refresh = (): void => this.requestUpdate()

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editor')) {
      const previous = changed.get('editor')
      previous?.off('transaction', this.refresh)
      previous?.off('selectionUpdate', this.refresh)
      this.editor?.on('transaction', this.refresh)
      this.editor?.on('selectionUpdate', this.refresh)
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.editor?.off('transaction', this.refresh)
    this.editor?.off('selectionUpdate', this.refresh)
  }

  private tools(editor: Editor): Tool[] {
    const m = ed()
    const on = this.editable
    const can = editor.can()
    return [
      { key: 'bold', label: m.bold, glyph: 'B', pressed: editor.isActive('bold'), run: (c) => c.toggleBold(), enabled: on },
      { key: 'italic', label: m.italic, glyph: 'I', pressed: editor.isActive('italic'), run: (c) => c.toggleItalic(), enabled: on },
      { key: 'bulletList', label: m.bulletList, glyph: '•', pressed: editor.isActive('bulletList'), run: (c) => c.toggleBulletList(), enabled: on },
      { key: 'orderedList', label: m.orderedList, glyph: '1.', pressed: editor.isActive('orderedList'), run: (c) => c.toggleOrderedList(), enabled: on },
      { key: 'undo', label: m.undo, glyph: '↶', run: (c) => c.undo(), enabled: on && can.undo() },
      { key: 'redo', label: m.redo, glyph: '↷', run: (c) => c.redo(), enabled: on && can.redo() },
    ]
  }

  private activate(tool: Tool, index: number, event: MouseEvent): void {
    this.current = index
    if (!tool.enabled || !this.editor) return
    // A click from the keyboard (detail 0) leaves the focus on the toolbar; a tap or click returns it to the text.
    const chain = event.detail === 0 ? this.editor.chain() : this.editor.chain().focus()
    tool.run(chain).run()
  }

  private onKeydown(event: KeyboardEvent, count: number): void {
    const moves: Record<string, number> = { ArrowRight: this.current + 1, ArrowLeft: this.current - 1, Home: 0, End: count - 1 }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    this.current = (next + count) % count
    void this.updateComplete.then(() => this.querySelectorAll<HTMLButtonElement>('button')[this.current]?.focus())
  }

  override render() {
    const editor = this.editor
    if (!editor) return nothing
    const tools = this.tools(editor)
    return html`<div class="editor-toolbar" role="toolbar" aria-label=${ed().toolbar} @keydown=${(e: KeyboardEvent) => this.onKeydown(e, tools.length)}>
      ${tools.map(
        (tool, index) => html`<button
          type="button"
          class="tool tool-${tool.key}"
          data-tool=${tool.key}
          tabindex=${index === this.current ? 0 : -1}
          aria-pressed=${tool.pressed === undefined ? nothing : String(tool.pressed)}
          aria-disabled=${String(!tool.enabled)}
          title=${tool.label}
          @mousedown=${(e: MouseEvent) => e.preventDefault()}
          @click=${(e: MouseEvent) => this.activate(tool, index, e)}
        ><span aria-hidden="true">${tool.glyph}</span><span class="visually-hidden">${tool.label}</span></button>`,
      )}
    </div>`
  }
}

customElements.define('plenum-editor-toolbar', EditorToolbar)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-editor-toolbar': EditorToolbar
  }
}
