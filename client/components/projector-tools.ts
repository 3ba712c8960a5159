import { html, nothing } from 'lit'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { stepTextSize, textSizeSteps, type TextSize } from '../projector-text-size.ts'

/**
 * The bureau's controls on the wall: full screen, and the text size for the room (kept on this
 * device). In full screen they fade out of the audience's sight until the pointer or the keyboard
 * reaches them (projector.css). Tells its page the new size with a `text-size` event.
 */
export class ProjectorTools extends LightElement {
  static override properties = { size: { attribute: false }, full: { state: true }, refused: { state: true } }
  declare size: TextSize
  declare full: boolean
  declare refused: boolean

  constructor() {
    super()
    this.full = document.fullscreenElement !== null
    this.refused = false
  }

  private readonly follow = () => (this.full = document.fullscreenElement !== null)

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('fullscreenchange', this.follow)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('fullscreenchange', this.follow)
  }

  private async toggleFullScreen(): Promise<void> {
    this.refused = false
    try {
      if (document.fullscreenElement) await document.exitFullscreen()
      else await document.documentElement.requestFullscreen({ navigationUI: 'hide' })
    } catch {
      this.refused = true
    }
  }

  private step(direction: 1 | -1): void {
    this.dispatchEvent(new CustomEvent<TextSize>('text-size', { detail: stepTextSize(this.size, direction), bubbles: true }))
  }

  override render() {
    const m = t().pj
    const first = this.size === textSizeSteps[0]
    const last = this.size === textSizeSteps[textSizeSteps.length - 1]
    return html`<div class="projector-tools" role="group" aria-label=${m.tools}>
      <button type="button" class="projector-tool" @click=${() => void this.toggleFullScreen()}>
        ${this.full ? m.leaveFullScreen : m.fullScreen}
      </button>
      <span class="projector-size" role="group" aria-label=${m.textSize}>
        <button type="button" class="projector-tool" aria-label=${`A− ${m.smaller}`} aria-disabled=${first ? 'true' : 'false'} @click=${() => this.step(-1)}>A−</button>
        <output class="projector-size-now" aria-live="polite" title=${m.sizeKept}>${m.textSize} ${m.sizeNow(this.size)}</output>
        <button type="button" class="projector-tool" aria-label=${`A+ ${m.larger}`} aria-disabled=${last ? 'true' : 'false'} @click=${() => this.step(1)}>A+</button>
      </span>
      ${this.refused ? html`<p role="alert" class="projector-tools-alert">${m.fullScreenRefused}</p>` : nothing}
    </div>`
  }
}

customElements.define('plenum-projector-tools', ProjectorTools)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-projector-tools': ProjectorTools
  }
}
