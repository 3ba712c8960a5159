import { describeFailure } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { isAllowed } from '../../shared/permissions.ts'
import type { Phase } from '../../shared/phases.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'

/** On the bureau's page: freezing the motion for good, then recording its deliveries to advisors. */
export class SealPanel extends LightElement {
  static override properties = { congressId: { attribute: false }, phase: { attribute: false }, failure: { state: true }, notice: { state: true }, busy: { state: true } }
  declare congressId: string
  declare phase: Phase
  declare failure: string | undefined
  declare notice: string | undefined
  declare busy: boolean

  private readonly deliveries = new Task(this, {
    task: async ([id, phase]: readonly [string, Phase]) => (isAllowed({ role: 'bureau', phase, action: 'delivery.record' }) ? (await api.deliveries(id)).deliveries : []),
    args: () => [this.congressId, this.phase] as const,
  })

  private async act(run: () => Promise<string | undefined>): Promise<void> {
    this.busy = true
    this.failure = undefined
    this.notice = undefined
    try {
      this.notice = await run()
      void this.deliveries.run()
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  private freeze(): void {
    const m = t()
    if (!confirm(m.v.freezeConfirm)) return
    void this.act(async () => m.v.frozenDone((await api.freeze(this.congressId)).manifestSha256))
  }

  private deliver(event: SubmitEvent): void {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value
    void this.act(async () => {
      const delivery = await api.recordDelivery(this.congressId, { advisorName: value('advisor'), institution: value('institution'), date: value('date'), channel: value('channel') })
      form.reset()
      return `${t().v.advisorCode} : ${delivery.code}`
    })
  }

  override render() {
    const m = t()
    const canFreeze = isAllowed({ role: 'bureau', phase: this.phase, action: 'congress.freeze' })
    const canDeliver = isAllowed({ role: 'bureau', phase: this.phase, action: 'delivery.record' })
    if (!canFreeze && !canDeliver) return nothing
    return html`
      <section class="card" aria-labelledby="seal-panel-heading">
        <h2 id="seal-panel-heading">${canFreeze ? m.v.freezeHeading : m.v.deliveriesHeading}</h2>
        <div aria-live="polite">
          ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
          ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
        </div>
        ${canFreeze ? html`<p>${m.v.freezeHelp}</p><button type="button" class="danger" ?disabled=${this.busy} @click=${this.freeze}>${m.v.freezeSubmit}</button>` : nothing}
        ${canDeliver
          ? html`<p><a href=${paths.seal(this.congressId)}>${m.v.sealNav}</a></p>
              ${(this.deliveries.value ?? []).length === 0
                ? html`<p>${m.v.noDeliveries}</p>`
                : html`<ul>${this.deliveries.value!.map((d) => html`<li>${m.v.deliveryLine(d.advisorName, d.institution, d.date, d.channel)}${d.code ? html` — ${m.v.advisorCode} : <code>${d.code}</code>` : nothing}</li>`)}</ul>`}
              <form class="delivery-form" @submit=${this.deliver}>
                <div class="field"><label for="advisor">${m.v.advisorName}</label><input id="advisor" name="advisor" required maxlength="200" /></div>
                <div class="field"><label for="institution">${m.v.institution}</label><input id="institution" name="institution" required maxlength="200" /></div>
                <div class="field"><label for="delivery-date">${m.v.deliveryDate}</label><input id="delivery-date" name="date" type="date" required /></div>
                <div class="field"><label for="channel">${m.v.channel}</label><input id="channel" name="channel" required maxlength="200" /></div>
                <button type="submit" ?disabled=${this.busy}>${m.v.recordDelivery}</button>
              </form>`
          : nothing}
      </section>
    `
  }
}

customElements.define('plenum-seal-panel', SealPanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-seal-panel': SealPanel
  }
}
