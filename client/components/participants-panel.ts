import { describeFailure, describeProblems } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { IssuedParticipantView, ParticipantDetailView, ReimportPreviewView } from '../../shared/api-types.ts'
import { matchesSearch } from '../../shared/text/french-order.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { renderReimportPreview } from './reimport-preview.ts'

/**
 * The bureau's list of participants: import from CSV (first or corrected: a preview of what it
 * changes, then its apply), filter, revoke, reissue. Codes are shown
 * once, right after an import or a reissue, with their access sheet to download: the server keeps
 * only their hashes, so reprinting a card means issuing a new code.
 */
export class ParticipantsPanel extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    selfId: { attribute: false },
    filter: { state: true },
    notice: { state: true },
    failure: { state: true },
    failures: { state: true },
    busy: { state: true },
    issued: { state: true },
    sheetState: { state: true },
    preview: { state: true },
    messagePlace: { state: true },
  }

  declare congressId: string
  /** The signed-in bureau member: revoking or replacing one's own code would lock oneself out. */
  declare selfId: string
  declare filter: string
  declare notice: string | undefined
  declare failure: string | undefined
  declare failures: readonly string[]
  declare busy: boolean
  /** The codes just issued: in this page's memory only, until dismissed or the page is left. */
  declare issued: readonly IssuedParticipantView[]
  declare sheetState: 'idle' | 'pending' | 'ready'
  /** The plan of the file chosen, until applied or cancelled; `csv` is the file it was made from. */
  declare preview: { readonly plan: ReimportPreviewView; readonly csv: string } | undefined
  /** Where the last message shows: under the import form, or above the table whose buttons acted (issue 20, point 3). */
  declare messagePlace: 'import' | 'table'
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
    this.issued = []
    this.sheetState = 'idle'
    this.messagePlace = 'import'
  }

  private showIssued(issued: readonly IssuedParticipantView[]): void {
    this.issued = issued
    this.sheetState = 'idle'
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#issued-heading')?.focus())
  }

  private async downloadSheet(): Promise<void> {
    this.sheetState = 'pending'
    this.failure = undefined
    try {
      const pdf = await api.accessSheet(this.congressId, this.issued)
      const url = URL.createObjectURL(pdf)
      const link = document.createElement('a')
      link.href = url
      link.download = 'codes-acces.pdf'
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      this.sheetState = 'ready'
    } catch (error) {
      this.sheetState = 'idle'
      this.failure = describeFailure(error)
    }
  }

  private renderIssued() {
    const m = t()
    if (this.issued.length === 0) return nothing
    return html`<section class="issued-codes" aria-labelledby="issued-heading">
      <h3 id="issued-heading" tabindex="-1">${m.c.issuedHeading}</h3>
      <p class="warning"><strong>${m.c.issuedWarning}</strong></p>
      <p>
        <button type="button" class="primary" ?disabled=${this.sheetState === 'pending'} @click=${this.downloadSheet}>
          ${this.sheetState === 'pending' ? m.c.issuedSheetPending : m.c.issuedSheet}
        </button>
        ${this.sheetState === 'ready' ? html`<span role="status" class="ok">${m.c.issuedSheetReady}</span>` : nothing}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${m.people.issuedTable}>
        <table class="issued">
          <thead>
            <tr>
              <th scope="col">${m.tableName}</th>
              <th scope="col">${m.tableRole}</th>
              <th scope="col">${m.c.issuedCode}</th>
            </tr>
          </thead>
          <tbody>
            ${this.issued.map((p) => html`<tr data-issued=${p.id}><th scope="row">${p.name}</th><td>${m.roleLabel[p.role]}</td><td><code>${p.code}</code></td></tr>`)}
          </tbody>
        </table>
      </div>
      <p><button type="button" class="secondary" @click=${() => (this.issued = [])}>${m.c.issuedDismiss}</button></p>
    </section>`
  }

  private clearMessages(place: 'import' | 'table' = 'import'): void {
    this.messagePlace = place
    this.notice = undefined
    this.failure = undefined
    this.failures = []
  }

  /** Reads the file and asks what it would change: nothing is written yet. */
  private async checkFile(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const file = (form.elements.namedItem('csv') as HTMLInputElement).files?.[0]
    if (!file) return
    this.busy = true
    this.clearMessages()
    this.preview = undefined
    try {
      const csv = await file.text()
      this.preview = { plan: await api.previewReimport(this.congressId, csv), csv }
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#reimport-heading')?.focus())
    } catch (error) {
      this.showFailure(error)
    } finally {
      this.busy = false
    }
  }

  /** Applies the plan shown, and only it (the server refuses a plan that changed meanwhile). */
  private async applyPreview(): Promise<void> {
    const preview = this.preview
    if (!preview) return
    this.busy = true
    this.clearMessages()
    try {
      const result = await api.applyReimport(this.congressId, preview.csv, preview.plan.fingerprint)
      this.preview = undefined
      this.querySelector<HTMLFormElement>('form.import')?.reset()
      this.notice = t().people.applied(result.added.length, result.changed.length)
      if (result.added.length > 0) this.showIssued(result.added)
      else void this.updateComplete.then(() => this.querySelector<HTMLElement>('#import-csv')?.focus())
      this.dispatchEvent(new Event('decision', { bubbles: true }))
      await this.load.run()
    } catch (error) {
      this.showFailure(error)
    } finally {
      this.busy = false
    }
  }

  private showFailure(error: unknown): void {
    const m = t()
    if (error instanceof ApiError) {
      this.failure = error.details.length > 0 ? m.importFailed : describeFailure(error)
      this.failures = describeProblems(error)
    } else this.failure = describeFailure(error)
  }

  private async act(participant: ParticipantDetailView, action: 'revoke' | 'reissue'): Promise<void> {
    const m = t()
    this.clearMessages('table')
    try {
      if (action === 'revoke') {
        const { participant: updated } = await api.revokeCode(this.congressId, participant.id)
        this.notice = m.revokedDone(updated.name)
      } else {
        const { participant: updated } = await api.reissueCode(this.congressId, participant.id)
        this.notice = m.c.reissuedDone(updated.name)
        this.showIssued([updated])
      }
      this.dispatchEvent(new Event('decision', { bubbles: true }))
      await this.load.run()
    } catch (error) {
      this.failure = describeFailure(error)
    }
  }

  /**
   * The last message, where it belongs: nothing elsewhere. The slot is always in the page as a
   * polite live region (as action-message.ts's messageSlot), so a confirmation is read out when its
   * text arrives; a refusal, with its list of bad lines, is an alert while there is one.
   */
  private renderMessages(place: 'import' | 'table') {
    const mine = this.messagePlace === place
    return html`<div class="action-message" role="status" data-message-for=${`participants-${place}`}>
      ${mine && this.notice ? html`<p class="ok">${this.notice}</p>` : nothing}
      ${mine && this.failure
        ? html`<div role="alert" class="error">
            <p>${this.failure}</p>
            ${this.failures.length ? html`<ul>${this.failures.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
    </div>`
  }

  private renderTable(participants: readonly ParticipantDetailView[]) {
    const m = t()
    // Accents and case aside, as every search (shared/text/french-order.ts).
    const shown = participants.filter((p) => matchesSearch(this.filter, p.name, p.organisation, p.email ?? '', m.roleLabel[p.role], p.role))
    return html`
      <p class="count" aria-live="polite">${m.participantsCount(shown.length, participants.length)}</p>
      ${this.renderMessages('table')}
      <div class="table-scroll" tabindex="0" role="region" aria-label=${m.people.participantsTable}>
        <table class="participants">
          <thead>
            <tr>
              <th scope="col">${m.tableName}</th>
              <th scope="col">${m.tableOrganisation}</th>
              <th scope="col">${m.tableRole}</th>
              <th scope="col">${m.tableActions}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (p) => html`<tr data-participant=${p.id} class=${p.revoked ? 'revoked' : ''}>
                <th scope="row">${p.name}</th>
                <td>${p.organisation}</td>
                <td>${m.roleLabel[p.role]}${p.revoked ? html` <span class="badge">${m.revoked}</span>` : nothing}</td>
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
        <form class="import" @submit=${this.checkFile} @change=${() => (this.preview = undefined)}>
          <h3>${m.importTitle}</h3>
          <p class="hint" id="import-help">${m.people.importHelp}</p>
          <label for="import-csv">${m.importFile}</label>
          <input id="import-csv" name="csv" type="file" accept=".csv,text/csv,text/plain" required aria-describedby="import-help" />
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy && !this.preview ? m.people.importChecking : m.importSubmit}</button>
        </form>
        ${this.renderMessages('import')}
        ${this.preview
          ? renderReimportPreview(this.preview.plan, {
              busy: this.busy,
              apply: () => void this.applyPreview(),
              cancel: () => {
                this.preview = undefined
                void this.updateComplete.then(() => this.querySelector<HTMLElement>('#import-csv')?.focus())
              },
            })
          : nothing}
        ${this.renderIssued()}
        <p class="hint">${m.c.reprintHint}</p>
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
