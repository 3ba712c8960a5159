import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { messageSlot, revealMessage, type ActionMessage } from './action-message.ts'

/**
 * On an amendment's page, under its co-signers: the author invites delegates to co-sign (each is
 * notified), and an invitee accepts here (their notification links to this page). Says nothing when
 * neither applies. `revision` grows with the congress's amendments: the invitations are read again.
 */
export class CosignInvite extends LightElement {
  static override properties = {
    amendmentId: {},
    revision: { type: Number },
    chosen: { state: true },
    busy: { state: true },
    said: { state: true },
  }

  declare amendmentId: string
  declare revision: number
  declare chosen: string
  declare busy: boolean
  /** What the last press did, shown beside its button. */
  declare said: ActionMessage | undefined

  private readonly invitations = new Task(this, {
    task: ([amendmentId]: readonly [string, number]) => api.cosignInvitations(amendmentId),
    args: () => [this.amendmentId, this.revision] as const,
  })

  constructor() {
    super()
    this.chosen = ''
    this.busy = false
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another amendment in the same element: the last one's choice and answer are not its own (review item 8).
    if (changed.has('amendmentId') && changed.get('amendmentId') !== undefined) {
      this.chosen = ''
      this.said = undefined
    }
  }

  private async press(work: () => Promise<unknown>, done: string): Promise<void> {
    this.busy = true
    try {
      await work()
      this.said = { at: 'cosign', text: done, ok: true }
      this.chosen = ''
      void this.invitations.run()
    } catch (error) {
      this.said = { at: 'cosign', text: describeFailure(error), ok: false }
    } finally {
      this.busy = false
      await this.updateComplete
      revealMessage(this, 'cosign')
    }
  }

  override render() {
    const view = this.invitations.value
    if (!view) return nothing
    // One live region, in the page before any answer and kept when the form turns into a sentence, so the answer is read out.
    return html`${this.renderForm(view)}${messageSlot('cosign', this.said)}`
  }

  private renderForm(view: NonNullable<CosignInvite['invitations']['value']>) {
    const m = t().nt
    const names = view.invited.map((p) => p.name).join(', ')
    if (view.invitedMe) {
      return html`<div class="cosign-invite">
        <p>${m.invitedYou}</p>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.press(() => api.acceptCosignInvitation(this.amendmentId), m.accepted)}>${m.acceptInvitation}</button>
      </div>`
    }
    if (view.candidates.length === 0) return view.invited.length > 0 ? html`<p class="hint">${m.invitedList(view.invited.length, names)}</p>` : nothing
    const chosenName = view.candidates.find((c) => c.id === this.chosen)?.name ?? ''
    return html`<div class="cosign-invite">
      <h3>${m.inviteHeading}</h3>
      ${view.invited.length > 0 ? html`<p class="hint">${m.invitedList(view.invited.length, names)}</p>` : nothing}
      <label for="cosign-invitee">${m.inviteLabel}</label>
      <select id="cosign-invitee" .value=${this.chosen} @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
        <option value="">${m.inviteChoose}</option>
        ${view.candidates.map((c) => html`<option value=${c.id} ?selected=${c.id === this.chosen}>${c.name}</option>`)}
      </select>
      <button type="button" class="secondary" ?disabled=${this.busy || this.chosen === ''} @click=${() => this.press(() => api.inviteCosigner(this.amendmentId, this.chosen), m.invitedDone(chosenName))}>
        ${m.inviteButton}
      </button>
    </div>`
  }
}

customElements.define('plenum-cosign-invite', CosignInvite)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-cosign-invite': CosignInvite
  }
}
