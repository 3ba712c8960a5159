import { html, nothing } from 'lit'
import type { NotificationListView, NotificationView } from '../../shared/notifications/notification-kinds.ts'
import { dateTimeWords, defaultTimeZone } from '../../shared/record/record-dates.ts'
import { api } from '../api.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { subjectLabel } from '../i18n/subject-label.ts'
import { paths } from '../router.ts'
import '../notifications.css'

/**
 * The header's notifications: a button with the unread count, and the list it opens, each item a
 * link. Read again whenever `revision` grows (the event stream's `notifications`, which also comes
 * at each reconnection, and the browser's `online`: what arrived offline is stored server-side and
 * read then). Opening the list
 * marks everything shown read, for this person on every device.
 */
export class NotificationBadge extends LightElement {
  static override properties = {
    congressId: {},
    timeZone: { attribute: false },
    revision: { type: Number },
    list: { state: true },
    open: { state: true },
    failed: { state: true },
  }

  declare congressId: string
  declare revision: number
  /** The congress's time zone: a notification's day and time are the room's, not the device's. */
  declare timeZone: string | undefined
  declare list: NotificationListView | undefined
  declare open: boolean
  declare failed: boolean
  /** Items new when the list was opened: still marked as such while it stays open. */
  private fresh = new Set<number>()
  /**
   * Each answer about the list carries the number of the request that asked; only the latest one
   * is shown, so a slow older read (or a mark-read) cannot put back a list already replaced.
   */
  private asked = 0

  constructor() {
    super()
    this.open = false
    this.failed = false
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('online', this.onOnline)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('online', this.onOnline)
  }

  /**
   * Back online: read them again. An event stream cut by the network may hang rather than fail, and
   * what it was sent meanwhile is lost; the notifications themselves are stored.
   */
  private readonly onOnline = () => void this.load()

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another congress's list is not this one's, even for the moment the new one is read.
    if (changed.has('congressId') && changed.get('congressId') !== undefined) this.list = undefined
    if (changed.has('revision') || changed.has('congressId')) void this.load()
  }

  private async load(): Promise<void> {
    const congressId = this.congressId
    if (!congressId) return
    const ask = ++this.asked
    try {
      const list = await api.notifications(congressId)
      if (ask !== this.asked || congressId !== this.congressId) return
      this.list = list
      this.failed = false
      if (this.open) this.markRead()
    } catch {
      if (ask === this.asked && congressId === this.congressId) this.failed = true
    }
  }

  private markRead(): void {
    const items = this.list?.items ?? []
    for (const item of items) if (!item.read) this.fresh.add(item.id)
    const newest = items[0]
    if (!newest || this.list?.unread === 0) return
    const congressId = this.congressId
    const ask = ++this.asked
    api.markNotificationsRead(congressId, newest.id).then(
      (list) => {
        if (ask === this.asked && congressId === this.congressId) this.list = list
      },
      () => undefined,
    )
  }

  private toggle(): void {
    this.open = !this.open
    if (this.open) this.markRead()
    else this.fresh.clear()
  }

  private close(focusButton: boolean): void {
    this.open = false
    this.fresh.clear()
    if (focusButton) this.querySelector<HTMLButtonElement>('.notif-button')?.focus()
  }

  private href(item: NotificationView): string {
    if (item.amendmentId) return paths.amendment(this.congressId, item.amendmentId)
    return paths.vote(this.congressId)
  }

  override render() {
    const m = t().nt
    const unread = this.list?.unread ?? 0
    const when = (iso: string) => dateTimeWords(iso, this.timeZone ?? defaultTimeZone, language())
    return html`<div class="notif" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.open && this.close(true)}>
      <button type="button" class="link-button notif-button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="notif-panel" @click=${() => this.toggle()}>
        ${m.button}${unread > 0 ? html` <span class="notif-count" aria-hidden="true">${unread}</span>` : nothing}<span class="visually-hidden"> (${m.unread(unread)})</span>
      </button>
      <section id="notif-panel" class="notif-panel" aria-labelledby="notif-heading" ?hidden=${!this.open}>
        <h2 id="notif-heading">${m.heading}</h2>
        ${this.failed ? html`<p class="hint" role="status">${m.loadFailed}</p>` : nothing}
        ${this.list && this.list.items.length === 0 ? html`<p class="hint">${m.empty}</p>` : nothing}
        <ul class="notif-list">
          ${(this.list?.items ?? []).map(
            (item) =>
              html`<li class=${this.fresh.has(item.id) ? 'notif-new' : ''}>
                <a href=${this.href(item)} @click=${() => this.close(false)}
                  >${this.fresh.has(item.id) ? html`<span class="notif-mark">${m.newMark}</span> ` : nothing}${m.say[item.kind](item.subject ? { ...item, label: subjectLabel(item.subject) } : item)}</a
                >
                <time datetime=${item.at}>${when(item.at)}</time>
              </li>`,
          )}
        </ul>
      </section>
    </div>`
  }
}

customElements.define('plenum-notification-badge', NotificationBadge)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-notification-badge': NotificationBadge
  }
}
