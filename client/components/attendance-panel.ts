import { describeFailure } from '../i18n/errors/index.ts'
import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { AttendanceEntryView } from '../../shared/api-types.ts'
import { roles } from '../../shared/roles.ts'
import { matchesSearch } from '../../shared/text/french-order.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * The check-in desk: who is present (all, or present only), how many by role, the room's code,
 * scanning badges, and proxies, beside each name as in their own list.
 */
export class AttendancePanel extends LightElement {
  static override properties = {
    congressId: { attribute: false },
    revision: { attribute: false },
    filter: { state: true },
    presentOnly: { state: true },
    failure: { state: true },
    notice: { state: true },
  }
  declare congressId: string
  /** Grows when check-ins or proxies change anywhere: the list reads itself again. */
  declare revision: number
  declare filter: string
  /** Only those checked in: who is in the room, at a glance. */
  declare presentOnly: boolean
  declare failure: string | undefined
  declare notice: string | undefined

  /**
   * A row just unticked under "present only": once the list read again drops it, the focus goes to
   * the row that followed it (else the one before, else the filter box), not to the page's top.
   */
  private refocus: { id: string; then: readonly string[] } | undefined

  constructor() {
    super()
    this.filter = ''
    this.presentOnly = false
  }

  private readonly task = new Task(this, {
    task: ([congressId]: readonly [string, number]) => api.attendance(congressId),
    args: () => [this.congressId, this.revision] as const,
  })

  /** Runs a change; what `run` answers, if a text, is the notice shown after it. */
  private async act(run: () => Promise<unknown>): Promise<void> {
    this.failure = undefined
    this.notice = undefined
    try {
      const done = await run()
      this.notice = typeof done === 'string' ? done : undefined
      void this.task.run()
    } catch (error) {
      this.failure = describeFailure(error)
    }
  }

  private mark(entry: AttendanceEntryView, present: boolean, shown: readonly AttendanceEntryView[]): void {
    const leaves = this.presentOnly && !present
    const at = shown.findIndex((e) => e.id === entry.id)
    const then = [...shown.slice(at + 1), ...shown.slice(0, at).reverse()].map((e) => e.id)
    void this.act(async () => {
      await api.markPresent(this.congressId, entry.id, present)
      if (leaves) this.refocus = { id: entry.id, then }
      const m = t()
      return leaves ? m.people.leftList(entry.name) : present ? m.v.presentLabel(entry.name) : m.people.absent(entry.name)
    })
  }

  override updated(): void {
    const refocus = this.refocus
    if (!refocus || this.querySelector(`#present-${CSS.escape(refocus.id)}`)) return
    this.refocus = undefined
    const next = refocus.then.map((id) => this.querySelector<HTMLInputElement>(`#present-${CSS.escape(id)}`)).find((el) => el)
    ;(next ?? this.querySelector<HTMLInputElement>('#attendance-present-only'))?.focus()
  }

  private scan(event: SubmitEvent): void {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const input = form.elements.namedItem('badge') as HTMLInputElement
    void this.act(async () => {
      const entry = await api.checkInByCode(this.congressId, input.value)
      input.value = ''
      return t().v.presentLabel(entry.name)
    })
  }

  private proxy(event: SubmitEvent): void {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value
    void this.act(async () => {
      await api.recordProxy(this.congressId, value('giver'), value('holder'))
      form.reset()
    })
  }

  /** Present out of registered, for each role that votes here (the desk lists only those). */
  private renderRoleCounts(entries: readonly AttendanceEntryView[]) {
    const m = t()
    const shownRoles = roles.filter((role) => entries.some((e) => e.role === role))
    return html`<ul class="role-counts" aria-label=${m.people.byRoleHeading}>
        ${shownRoles.map((role) => {
          const of = entries.filter((e) => e.role === role)
          return html`<li data-role=${role}>${m.people.byRole(m.roleLabel[role], of.filter((e) => e.present).length, of.length)}</li>`
        })}
      </ul>`
  }

  override render() {
    const m = t()
    const view = this.task.value
    if (!view) return this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
    // "elodie" finds "Élodie": accents and case aside (shared/text/french-order.ts); the server sends the list in French order.
    const shown = view.entries.filter((e) => (!this.presentOnly || e.present) && matchesSearch(this.filter, e.name, e.organisation))
    const proxies = view.entries.filter((e) => e.proxyTo)
    const option = (e: AttendanceEntryView) => html`<option value=${e.id}>${e.name}</option>`
    // Nobody chosen at first: defaulting both to the list's first name offered a proxy to oneself.
    const choose = html`<option value="" selected>${m.v.proxyChoose}</option>`
    return html`
      <p class="count">${m.v.presentCount(view.presentCount, view.entitledCount)}</p>
      ${this.renderRoleCounts(view.entries)}
      <p>${m.people.roomCodeLabel} <strong class="room-code">${view.roomCode}</strong>
        <button type="button" class="secondary" @click=${() => this.act(() => api.renewRoomCode(this.congressId))}>${m.v.newRoomCode}</button></p>
      <div aria-live="polite">
        ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
        ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
      </div>
      <form class="inline-form" @submit=${this.scan}>
        <label for="badge">${m.v.scanLabel}</label>
        <input id="badge" name="badge" autocomplete="off" required />
        <button type="submit">${m.v.scanSubmit}</button>
      </form>
      <label for="attendance-filter">${m.v.filterLabel}</label>
      <input id="attendance-filter" type="search" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      <p class="check">
        <input type="checkbox" id="attendance-present-only" .checked=${this.presentOnly} @change=${(e: Event) => (this.presentOnly = (e.target as HTMLInputElement).checked)} />
        <label for="attendance-present-only">${m.people.presentOnly}</label>
      </p>
      <ul class="attendance-list">
        ${repeat(
          shown,
          (e) => e.id,
          (e) => html`<li data-present=${e.present ? 'yes' : 'no'}>
            <input type="checkbox" id=${`present-${e.id}`} .checked=${e.present} @change=${(ev: Event) => this.mark(e, (ev.target as HTMLInputElement).checked, shown)} />
            <label for=${`present-${e.id}`}>${e.name}</label> <span class="hint">${e.organisation} · ${m.roleLabel[e.role]}</span>
            ${e.proxyTo ? html`<span class="proxy-note">${m.people.givesProxyTo(e.proxyTo.name)}</span>` : nothing}
            ${e.proxiesHeld.length > 0 ? html`<span class="proxy-note">${m.people.holdsProxyOf(e.proxiesHeld.map((g) => g.name))}</span>` : nothing}
          </li>`,
        )}
      </ul>
      ${shown.length === 0 ? html`<p>${m.people.noneShown}</p>` : nothing}
      <h3>${m.v.proxyHeading}</h3>
      ${proxies.length === 0
        ? html`<p>${m.v.noProxies}</p>`
        : html`<ul class="proxy-list">
            ${proxies.map(
              (e) => html`<li>${m.v.proxyLine(e.name, e.proxyTo!.name)}
                <button type="button" class="link-button" aria-label=${m.v.proxyRevoke(e.name, e.proxyTo!.name)} @click=${() => this.act(() => api.revokeProxy(this.congressId, e.id))}>✕</button></li>`,
            )}
          </ul>`}
      <form class="inline-form" @submit=${this.proxy}>
        <div class="field"><label for="proxy-giver">${m.v.proxyGiver}</label><select id="proxy-giver" name="giver" required>${choose}${view.entries.map(option)}</select></div>
        <div class="field"><label for="proxy-holder">${m.v.proxyHolder}</label><select id="proxy-holder" name="holder" required>${choose}${view.entries.map(option)}</select></div>
        <button type="submit">${m.v.proxyRecord}</button>
      </form>
    `
  }
}

customElements.define('plenum-attendance-panel', AttendancePanel)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-attendance-panel': AttendancePanel
  }
}
