import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { ParticipantDetailView } from '../../shared/api-types.ts'
import { api, ApiError, apiLinks } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/** The bureau's list of participants: import from CSV, filter, revoke, reissue, print the codes. */
export class ParticipantsPanel extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    selfId: { attribute: false },
    filter: { state: true },
    notice: { state: true },
    failure: { state: true },
    failures: { state: true },
    busy: { state: true },
  }

  declare congressId: string
  /** The signed-in bureau member: revoking or replacing one's own code would lock oneself out. */
  declare selfId: string
  declare filter: string
  declare notice: string | undefined
  declare failure: string | undefined
  declare failures: readonly string[]
  declare busy: boolean
  private participants: ParticipantDetailView[] = []

  private readonly load = new Task(this, {
    task: async ([id]: readonly [string]) => {
      this.participants = (await api.participants(id)).participants
      return this.participants
    },
    args: () => [this.congressId] as const,
  })

  constructor() {
    super()
    this.filter = ''
    this.failures = []
    this.busy = false
  }

  private async importFile(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const file = (form.elements.namedItem('csv') as HTMLInputElement).files?.[0]
    if (!file) return
    const m = t()
    this.busy = true
    this.notice = undefined
    this.failure = undefined
    this.failures = []
    try {
      const { participants } = await api.importParticipantsCsv(this.congressId, await file.text())
      this.notice = m.importDone(participants.length)
      this.dispatchEvent(new Event('decision', { bubbles: true }))
      form.reset()
      await this.load.run()
    } catch (error) {
      if (error instanceof ApiError) {
        this.failure = error.details.length > 0 ? m.importFailed : error.message
        this.failures = error.details.map((d) => m.importLine(d.line, d.field, d.message))
      } else this.failure = m.genericError
    } finally {
      this.busy = false
    }
  }

  private async act(participant: ParticipantDetailView, action: 'revoke' | 'reissue'): Promise<void> {
    const m = t()
    this.failure = undefined
    this.failures = []
    try {
      const { participant: updated } = action === 'revoke' ? await api.revokeCode(this.congressId, participant.id) : await api.reissueCode(this.congressId, participant.id)
      this.notice = action === 'revoke' ? m.revokedDone(updated.name) : m.reissuedDone(updated.name, updated.code)
      this.dispatchEvent(new Event('decision', { bubbles: true }))
      await this.load.run()
    } catch (error) {
      this.failure = error instanceof ApiError ? error.message : m.genericError
    }
  }

  private renderTable(participants: readonly ParticipantDetailView[]) {
    const m = t()
    const needle = this.filter.trim().toLowerCase()
    const shown = needle
      ? participants.filter((p) => [p.name, p.organisation, p.email ?? '', m.roleLabel[p.role], p.role].some((v) => v.toLowerCase().includes(needle)))
      : participants
    return html`
      <p class="count" aria-live="polite">${m.participantsCount(shown.length, participants.length)}</p>
      <div class="table-scroll">
        <table class="participants">
          <thead>
            <tr>
              <th scope="col">${m.tableName}</th>
              <th scope="col">${m.tableOrganisation}</th>
              <th scope="col">${m.tableRole}</th>
              <th scope="col">${m.tableCode}</th>
              <th scope="col">${m.tableActions}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (p) => html`<tr data-participant=${p.id} class=${p.revoked ? 'revoked' : ''}>
                <th scope="row">${p.name}</th>
                <td>${p.organisation}</td>
                <td>${m.roleLabel[p.role]}</td>
                <td>
                  ${p.revoked
                    ? html`<span class="badge">${m.revoked}</span>`
                    : html`<code>${p.code}</code>
                        <a class="qr-link" href=${apiLinks.qrCode(this.congressId, p.id)} target="_blank" rel="noopener" aria-label=${m.qrLabel(p.name)}>QR</a>`}
                </td>
                <td class="actions">
                  ${p.id === this.selfId ? nothing : html`${p.revoked ? nothing : html`<button type="button" class="secondary" aria-label=${m.revokeLabel(p.name)} @click=${() => this.act(p, 'revoke')}>${m.revoke}</button>`}
                  <button type="button" class="secondary" aria-label=${m.reissueLabel(p.name)} @click=${() => this.act(p, 'reissue')}>${m.reissue}</button>`}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `
  }

  override render() {
    const m = t()
    return html`
      <section class="card" aria-labelledby="participants-heading">
        <h2 id="participants-heading">${m.participantsSection}</h2>
        <form class="import" @submit=${this.importFile}>
          <h3>${m.importTitle}</h3>
          <p class="hint" id="import-help">${m.importHelp}</p>
          <label for="import-csv">${m.importFile}</label>
          <input id="import-csv" name="csv" type="file" accept=".csv,text/csv,text/plain" required aria-describedby="import-help" />
          <button type="submit" class="primary" ?disabled=${this.busy}>${m.importSubmit}</button>
        </form>
        ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
        ${this.failure
          ? html`<div role="alert" class="error">
              <p>${this.failure}</p>
              ${this.failures.length ? html`<ul>${this.failures.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
            </div>`
          : nothing}
        <p><a class="button-link" href=${apiLinks.accessSheet(this.congressId)} target="_blank" rel="noopener">${m.printSheet}</a></p>
        <label for="participants-filter">${m.filterLabel}</label>
        <input id="participants-filter" type="search" .value=${this.filter} @input=${(e: InputEvent) => (this.filter = (e.target as HTMLInputElement).value)} />
        ${this.load.render({
          pending: () => (this.participants.length ? this.renderTable(this.participants) : html`<p role="status">${m.loading}</p>`),
          complete: (participants) => this.renderTable(participants),
          error: () => html`<p role="alert" class="error">${m.genericError}</p>`,
        })}
      </section>
    `
  }
}

customElements.define('plenum-participants-panel', ParticipantsPanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-participants-panel': ParticipantsPanel
  }
}
