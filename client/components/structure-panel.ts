import { describeFailure } from '../i18n/errors/index.ts'
import { html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { CongressView } from '../../shared/api-types.ts'
import { frenchTimeZones } from '../../shared/record/record-dates.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { guardUnsaved } from '../unsaved-changes.ts'
import { messageSlot, revealMessage, unsavedHint, type ActionMessage } from './action-message.ts'

/**
 * The bureau sets the congress up: its details, the questions and the proposals under them.
 * The details save on their button (the form says when it holds unsaved changes, and leaving the
 * page asks first); a question's or a proposal's title saves when it changes (Enter or leaving
 * it), and the section says so. The page then receives the new structure through the congress's
 * event stream, like every other open page.
 */
export class StructurePanel extends LightElement {
  static override properties = {
    congress: { attribute: false },
    editable: { type: Boolean },
    message: { state: true },
    detailsDirty: { state: true },
  }

  declare congress: CongressView
  declare editable: boolean
  /**
   * The last message, with the control it is about ('details', 'theme-<id>', 'proposal-<id>',
   * 'new-theme'…): it shows in that control's slot, not under another section (issue 20, points 3
   * and 15). The slots are always in the page, so the message is read out when it arrives.
   */
  declare message: ActionMessage | undefined
  /** The details form holds changes its button has not saved. */
  declare detailsDirty: boolean
  private unguard: (() => void) | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    this.detailsDirty = false
    this.unguard = guardUnsaved(() => this.detailsDirty)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unguard?.()
  }

  private async save(change: () => Promise<unknown>, at: string): Promise<void> {
    this.message = undefined
    try {
      await change()
      if (at === 'details') this.detailsDirty = false
      this.message = { at, ok: true, text: t().saved }
      this.dispatchEvent(new Event('decision', { bubbles: true }))
    } catch (error) {
      this.message = { at, ok: false, text: describeFailure(error) }
    }
    void this.updateComplete.then(() => revealMessage(this, at))
  }

  private onDetails(event: SubmitEvent): void {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    void this.save(() =>
      api.updateCongress(this.congress.id, {
        title: String(form.get('title')),
        edition: Number(form.get('edition')),
        date: String(form.get('date')),
        place: String(form.get('place')),
        minCosigners: Number(form.get('minCosigners')),
        timeZone: String(form.get('timeZone')).trim(),
      }),
      'details',
    )
  }

  /** The last message, if it is about the control `at`. */
  private feedback(at: string) {
    return messageSlot(at, this.message)
  }


  private onAdd(event: SubmitEvent, add: (title: string) => Promise<unknown>, at: string): void {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const title = String(new FormData(form).get('title') ?? '').trim()
    if (!title) return
    void this.save(async () => {
      await add(title)
      form.reset()
    }, at)
  }

  private renderDetails() {
    const m = t()
    const c = this.congress
    return html`<form class="details" @submit=${this.onDetails} @input=${() => (this.detailsDirty = true)}>
      <label for="details-title">${m.detailsTitle}</label>
      <input id="details-title" name="title" .value=${c.title} required maxlength="200" ?disabled=${!this.editable} />
      <div class="row">
        <span>
          <label for="details-edition">${m.detailsEdition}</label>
          <input id="details-edition" name="edition" type="number" min="1" .value=${String(c.edition)} ?disabled=${!this.editable} />
        </span>
        <span>
          <label for="details-date">${m.detailsDate}</label>
          <input id="details-date" name="date" type="date" .value=${c.date} ?disabled=${!this.editable} />
        </span>
        <span>
          <label for="details-place">${m.detailsPlace}</label>
          <input id="details-place" name="place" .value=${c.place} maxlength="200" ?disabled=${!this.editable} />
        </span>
        <span>
          <label for="details-min-cosigners">${m.detailsMinCosigners}</label>
          <input id="details-min-cosigners" name="minCosigners" type="number" min="0" max="100" .value=${String(c.minCosigners)} ?disabled=${!this.editable} />
        </span>
        <span>
          <label for="details-time-zone">${m.detailsTimeZone}</label>
          <input id="details-time-zone" name="timeZone" list="details-time-zones" autocomplete="off" spellcheck="false" aria-describedby="details-time-zone-hint" .value=${c.timeZone} ?disabled=${!this.editable} />
          <datalist id="details-time-zones">${frenchTimeZones.map((zone) => html`<option value=${zone}></option>`)}</datalist>
          <small id="details-time-zone-hint">${m.detailsTimeZoneHint}</small>
        </span>
      </div>
      ${this.editable ? html`<button type="submit" class="primary">${m.save}</button> ${unsavedHint(this.detailsDirty, m.am.unsaved)}` : nothing}
      ${this.feedback('details')}
    </form>`
  }

  override render() {
    const m = t()
    const c = this.congress
    const themes = c.themes
    return html`
      <section class="card structure" aria-labelledby="setup-heading">
        <h2 id="setup-heading">${m.setupSection}</h2>
        ${this.editable ? nothing : html`<p class="hint">${m.setupLocked}</p>`}
        ${this.renderDetails()}
        <h3>${m.themesHeading}</h3>
        ${this.editable ? html`<p class="hint">${m.titlesSaveOnLeave}</p>` : nothing}
        <ol class="structure-themes">
          ${repeat(themes, (theme) => theme.id, (theme, ti) => {
            const proposals = c.proposals.filter((p) => p.themeId === theme.id)
            return html`<li class="structure-theme" data-theme=${theme.id}>
              <div class="line">
                <label class="visually-hidden" for="theme-${theme.id}">${m.themeTitleLabel(theme.position)}</label>
                <input
                  id="theme-${theme.id}"
                  .value=${theme.title}
                  ?disabled=${!this.editable}
                  @change=${(e: Event) => this.save(() => api.updateTheme(c.id, theme.id, { title: (e.target as HTMLInputElement).value }), `theme-${theme.id}`)}
                />
                ${this.editable ? this.moveButtons(theme.title, ti, themes.length, (position) => api.updateTheme(c.id, theme.id, { position }), `theme-${theme.id}`) : nothing}
              </div>
              ${this.feedback(`theme-${theme.id}`)}
              <ul class="structure-proposals">
                ${repeat(
                  proposals,
                  (p) => p.id,
                  (p, pi) => html`<li data-proposal=${p.id}>
                    <span class="number" aria-hidden="true">P${p.number}</span>
                    <label class="visually-hidden" for="proposal-${p.id}">${m.proposalTitleLabel(p.number)}</label>
                    <input
                      id="proposal-${p.id}"
                      .value=${p.title}
                      ?disabled=${!this.editable}
                      @change=${(e: Event) => this.save(() => api.updateProposal(c.id, p.id, { title: (e.target as HTMLInputElement).value }), `proposal-${p.id}`)}
                    />
                    <label class="visually-hidden" for="proposal-theme-${p.id}">${m.moveToTheme(p.number)}</label>
                    <select
                      id="proposal-theme-${p.id}"
                      ?disabled=${!this.editable}
                      @change=${(e: Event) => this.save(() => api.updateProposal(c.id, p.id, { themeId: (e.target as HTMLSelectElement).value }), `proposal-${p.id}`)}
                    >
                      ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === p.themeId}>Q${th.position}</option>`)}
                    </select>
                    ${this.editable ? this.moveButtons(m.proposalLabel(p.number), pi, proposals.length, (position) => api.updateProposal(c.id, p.id, { position }), `proposal-${p.id}`) : nothing}
                    ${this.feedback(`proposal-${p.id}`)}
                  </li>`,
                )}
              </ul>
              ${this.editable
                ? html`<form class="add" @submit=${(e: SubmitEvent) => this.onAdd(e, (title) => api.addProposal(c.id, theme.id, title), `new-proposal-${theme.id}`)}>
                    <label class="visually-hidden" for="new-proposal-${theme.id}">${m.newProposalLabel(theme.position)}</label>
                    <input id="new-proposal-${theme.id}" name="title" maxlength="300" />
                    <button type="submit" class="secondary">${m.addProposal}</button>
                    ${this.feedback(`new-proposal-${theme.id}`)}
                  </form>`
                : nothing}
            </li>`
          })}
        </ol>
        ${this.editable
          ? html`<form class="add" @submit=${(e: SubmitEvent) => this.onAdd(e, (title) => api.addTheme(c.id, title), 'new-theme')}>
              <label for="new-theme">${m.newThemeLabel}</label>
              <input id="new-theme" name="title" maxlength="300" />
              <button type="submit" class="secondary">${m.addTheme}</button>
              ${this.feedback('new-theme')}
            </form>`
          : nothing}
      </section>
    `
  }

  /** Up and down by one place; `index` counts from 0, positions from 1. */
  private moveButtons(what: string, index: number, count: number, move: (position: number) => Promise<unknown>, at: string) {
    const m = t()
    return html`<span class="move">
      <button type="button" class="icon" aria-label=${m.moveUp(what)} ?disabled=${index === 0} @click=${() => this.save(() => move(index), at)}>↑</button>
      <button type="button" class="icon" aria-label=${m.moveDown(what)} ?disabled=${index === count - 1} @click=${() => this.save(() => move(index + 2), at)}>↓</button>
    </span>`
  }
}

customElements.define('plenum-structure-panel', StructurePanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-structure-panel': StructurePanel
  }
}
