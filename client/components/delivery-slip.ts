import { html, nothing, type PropertyValues } from 'lit'
import type { DeliveryView } from '../../shared/api-types.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * A delivery just recorded, on the bureau's page: the advisor's code and link, shown this once, and
 * the printable slip (PDF: the link as a QR code, the code, the seal to check) to hand over with the
 * motion. The slip is made from the code sent back: the server keeps only its hash.
 */
export class DeliverySlip extends LightElement {
  static override properties = { congressId: { attribute: false }, delivery: { attribute: false }, state: { state: true }, failure: { state: true } }
  declare congressId: string
  declare delivery: DeliveryView
  declare state: 'idle' | 'pending' | 'ready'
  declare failure: string | undefined

  constructor() {
    super()
    this.state = 'idle'
  }

  /** Another advisor's delivery reuses this element: its slip is not downloaded yet, nothing failed. */
  override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('delivery') as DeliveryView | undefined
    if (before && before.id !== this.delivery?.id) {
      this.state = 'idle'
      this.failure = undefined
    }
  }

  private async download(): Promise<void> {
    const { delivery } = this
    if (this.state === 'pending' || !delivery.code) return
    this.state = 'pending'
    this.failure = undefined
    try {
      const pdf = await api.deliverySlip(this.congressId, delivery.id, delivery.code)
      // The bureau recorded another delivery meanwhile: this answer is not about the slip shown.
      if (this.delivery.id !== delivery.id) return
      const url = URL.createObjectURL(pdf)
      const link = document.createElement('a')
      link.href = url
      link.download = t().dl.slipName(delivery.advisorName.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase())
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      this.state = 'ready'
    } catch (error) {
      if (this.delivery.id !== delivery.id) return
      this.state = 'idle'
      this.failure = describeFailure(error)
    }
  }

  override render() {
    const m = t()
    const { delivery } = this
    if (!delivery.code) return nothing
    return html`<section class="delivery-slip" aria-labelledby="delivery-slip-heading">
      <h3 id="delivery-slip-heading">${m.dl.slipHeading(delivery.advisorName)}</h3>
      ${delivery.joinUrl ? html`<p>${m.dl.slipLink} <code class="delivery-link">${delivery.joinUrl}</code></p>` : nothing}
      <button type="button" class="primary" aria-describedby="delivery-slip-said" @click=${() => void this.download()}>
        ${this.state === 'pending' ? m.dl.slipPending : m.dl.slip}
      </button>
      <div id="delivery-slip-said" aria-live="polite">
        ${this.state === 'ready' ? html`<p role="status" class="ok">${m.dl.slipReady}</p>` : nothing}
        ${this.failure ? html`<p role="alert" class="error">${m.dl.slipFailed} ${this.failure}</p>` : nothing}
      </div>
    </section>`
  }
}

customElements.define('plenum-delivery-slip', DeliverySlip)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-delivery-slip': DeliverySlip
  }
}
