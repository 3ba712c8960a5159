import { LitElement } from 'lit'
import { onLanguageChange } from './i18n/index.ts'

/**
 * Base of Plenum's components: rendered in the light DOM, so one stylesheet, the editor's
 * selection handling and accessibility tools see one document; re-rendered when the language changes.
 */
export class LightElement extends LitElement {
  private stopListening?: () => void

  protected override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.stopListening = onLanguageChange(() => this.requestUpdate())
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.stopListening?.()
  }
}
