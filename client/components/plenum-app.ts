import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { CongressView, ParticipantView, SessionView } from '../../shared/api-types.ts'
import { isAllowed } from '../../shared/permissions.ts'
import { api, ApiError } from '../api.ts'
import { CongressLive } from '../congress-live.ts'
import { language, languageReady, setLanguage, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { interceptLinks, navigate, parseRoute, paths, type Route } from '../router.ts'
import { mayLeave } from '../unsaved-changes.ts'
import './join-page.ts'
import './vote-page.ts'
import './notification-badge.ts'
import './phase-help.ts'
// The join and vote pages come with the app: a phone's first visit. Every other page loads when first
// opened (page-modules.ts): the bureau's and the room's in one script, the text pages with the editor.
import { loadFloorCard, loadPage } from './page-modules.ts'
import { withColon } from '../i18n/colon.ts'

type SessionState = { readonly kind: 'loading' } | { readonly kind: 'anonymous' } | { readonly kind: 'signed-in'; readonly participant: ParticipantView }

/** The shell: who is signed in, which page the address names, and the header around it. */
export class PlenumApp extends LightElement {
  static override properties = {
    route: { state: true },
    session: { state: true },
    unloadedPage: { state: true },
  }

  declare route: Route
  declare session: SessionState
  /** A page whose module could not be downloaded: said, not left blank. */
  declare unloadedPage: Route['page'] | undefined

  /** Grows at each sign-in on this page: the congress is read again for the new person, not when the session is first read. */
  private signIns = 0
  /** The congress read at sign-in to choose where to land: the page uses it rather than reading it again. */
  private joinedCongress: { readonly id: string; readonly read: Promise<CongressView> } | undefined

  // Read beside the session, not after it: once on a page's first load (from the page itself, see boot-fetch.ts).
  private readonly congressTask = new Task(this, {
    task: ([congressId]: readonly [string | undefined, number]) => {
      if (!congressId) return Promise.resolve(undefined)
      const joined = this.joinedCongress
      if (joined?.id !== congressId) return api.congress(congressId)
      this.joinedCongress = undefined
      return joined.read
    },
    args: () => [this.congressId(), this.signIns] as const,
  })

  /** The phase and who is online, live; follows the signed-in participant's congress. */
  private readonly live = new CongressLive(
    this,
    () => void this.checkSession(),
    () => void this.congressTask.run(),
  )

  constructor() {
    super()
    this.route = parseRoute(location.pathname)
    this.session = { kind: 'loading' }
  }

  /** Nothing is drawn before the messages of this device's language are here (English is fetched). */
  protected override async scheduleUpdate(): Promise<void> {
    await languageReady
    super.scheduleUpdate()
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('route')) {
      const { page } = this.route
      this.unloadedPage = undefined
      loadPage(page).catch(() => {
        if (this.route.page === page) this.unloadedPage = page
      })
    }
    this.live.follow(this.session.kind === 'signed-in' ? this.session.participant.congressId : undefined)
  }

  /** The event stream failed: if the session ended (code revoked, logged out elsewhere), show the join page. */
  private async checkSession(): Promise<void> {
    if (this.session.kind !== 'signed-in') return
    try {
      await api.currentSession()
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.session = { kind: 'anonymous' }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('popstate', this.onPopState)
    interceptLinks(this)
    if (this.route.page !== 'join') void this.loadSession()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.onPopState)
  }

  private congressId(): string | undefined {
    return 'congressId' in this.route ? this.route.congressId : undefined
  }

  private async loadSession(): Promise<void> {
    try {
      const { participant } = await api.currentSession()
      this.session = { kind: 'signed-in', participant }
      if (this.route.page === 'home') navigate(paths.congress(participant.congressId), { replace: true })
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.session = { kind: 'anonymous' }
      else throw error
    }
  }

  private readonly onPopState = (): void => {
    this.route = parseRoute(location.pathname)
    this.stopFragment?.()
    const fragment = decodeURIComponent(location.hash.slice(1))
    void this.updateComplete.then(() => {
      this.querySelector<HTMLElement>('#main')?.focus({ preventScroll: false })
      window.scrollTo(0, 0)
      if (fragment) this.goToFragment(fragment)
    })
  }

  /** Stops following the address's #fragment (the next navigation, or the person scrolls or types). */
  private stopFragment?: () => void

  /**
   * A link to a place in a page (…/ballots#attendance-heading) lands there: the page module and its
   * content arrive after the route changes, so this waits for the element, focuses it (a heading
   * gets tabindex -1 for that) and keeps it in view while what loads above it pushes it down, until
   * the person scrolls, clicks or types.
   */
  private goToFragment(id: string): void {
    let landed: HTMLElement | undefined
    const land = (): void => {
      const target = document.getElementById(id)
      if (!target || !this.contains(target)) return
      if (target !== landed) {
        landed = target
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1
        target.focus({ preventScroll: true })
      }
      target.scrollIntoView({ block: 'start' })
    }
    const watch = new MutationObserver(land)
    const inputs = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const
    const stop = (): void => {
      watch.disconnect()
      for (const input of inputs) window.removeEventListener(input, stop, true)
      if (this.stopFragment === stop) this.stopFragment = undefined
    }
    this.stopFragment = stop
    for (const input of inputs) window.addEventListener(input, stop, true)
    watch.observe(this, { childList: true, characterData: true, subtree: true })
    land()
  }

  /**
   * Where a person lands on signing in: an advisor at the sealed motion; someone who may vote now
   * (the voting phase), the bureau apart, at the vote page, where the room is; anyone else at the congress. The phase
   * is the congress's, read here once and handed to the page (joinedCongress).
   */
  private async onJoined(event: CustomEvent<SessionView>): Promise<void> {
    const { participant } = event.detail
    const { congressId, role } = participant
    let landing = paths.congress(congressId)
    if (role === 'advisor') landing = paths.seal(congressId)
    else {
      const read = api.congress(congressId)
      this.joinedCongress = { id: congressId, read }
      const congress = await read.catch(() => undefined)
      const { phase } = congress ?? {}
      if (phase && isAllowed({ role, phase, action: 'ballot.vote' }) && !isAllowed({ role, phase, action: 'participants.manage' })) landing = paths.vote(congressId)
      // The bureau lands on its dashboard: what awaits it, and one link to each (dashboard-page.ts).
      if (phase && isAllowed({ role, phase, action: 'audit.read' })) landing = paths.dashboard(congressId)
    }
    this.signIns += 1
    this.session = { kind: 'signed-in', participant }
    navigate(landing, { replace: true })
  }

  private async logout(): Promise<void> {
    // Asked before the session closes: once it is closed, "stay" would keep a page that can save nothing.
    if (!mayLeave()) return
    await api.closeSession().catch(() => undefined)
    this.session = { kind: 'anonymous' }
    navigate('/', { replace: true, asked: true })
  }

  private renderPage() {
    const m = t()
    const { route, session } = this
    if (this.unloadedPage === route.page) return html`<p class="error" role="alert">${m.networkError}</p>`
    if (route.page === 'join') return html`<plenum-join-page .code=${route.code} @joined=${this.onJoined}></plenum-join-page>`
    if (session.kind === 'loading') return html`<p role="status">${m.loading}</p>`
    if (session.kind === 'anonymous') return html`<plenum-join-page @joined=${this.onJoined}></plenum-join-page>`
    if (route.page === 'not-found' || route.page === 'home') {
      return html`<h1>${m.notFoundTitle}</h1><p>${m.notFoundBody}</p><p><a href=${paths.congress(session.participant.congressId)}>${m.backToCongress}</a></p>`
    }
    // While a changed structure reloads, keep showing the page: focus and scroll stay where they are.
    return this.congressTask.render({
      pending: () => (this.congressTask.value ? this.renderCongressPage(this.congressTask.value, session.participant) : html`<p role="status">${m.loading}</p>`),
      error: (error) =>
        html`<p class="error" role="alert">${error instanceof ApiError && error.status === 403 ? m.forbidden : error instanceof ApiError && error.code === 'network' ? m.networkError : m.genericError}</p>`,
      complete: (congress) => (congress ? this.renderCongressPage(congress, session.participant) : nothing),
    })
  }

  private renderCongressPage(congress: CongressView, participant: ParticipantView) {
    const m = t()
    const { route } = this
    const phase = this.live.phase ?? congress.phase
    if (route.page === 'bureau') {
      return isAllowed({ role: participant.role, phase, action: 'participants.manage' })
        ? html`<plenum-bureau-page .congress=${congress} .phase=${phase} .selfId=${participant.id}></plenum-bureau-page>`
        : html`<p class="error" role="alert">${m.forbidden}</p>`
    }
    const live = this.live
    if (route.page === 'dashboard') {
      if (!isAllowed({ role: participant.role, phase, action: 'audit.read' })) return html`<p class="error" role="alert">${m.forbidden}</p>`
      const revisions = { amendments: live.amendmentStepsRevision, ballots: live.ballotsRevision, attendance: live.attendanceRevision }
      return html`<plenum-dashboard-page .congress=${congress} .phase=${phase} .revisions=${revisions} .participation=${live.participation} .presence=${live.presence}></plenum-dashboard-page>`
    }
    const floorRevisions = { floor: live.floorRevision, amendments: live.amendmentStepsRevision, ballots: live.ballotsRevision }
    if (route.page === 'session') {
      return isAllowed({ role: participant.role, phase, action: 'floor.run' })
        ? html`<plenum-session-page .congress=${congress} .phase=${phase} .revisions=${floorRevisions} .participation=${live.participation}></plenum-session-page>`
        : html`<p class="error" role="alert">${m.forbidden}</p>`
    }
    if (route.page === 'congress') {
      return html`<plenum-congress-page .congress=${congress} .presence=${live.presence} .participant=${participant} .phase=${phase} .floorRevisions=${floorRevisions}></plenum-congress-page>`
    }
    if (route.page === 'vote') {
      return html`<plenum-vote-page
        .congress=${congress}
        .participant=${participant}
        .phase=${phase}
        .revision=${live.ballotsRevision + live.reconnections}
        .attendanceRevision=${live.attendanceRevision + live.reconnections}
        .streaming=${live.streaming}
      ></plenum-vote-page>
        ${isAllowed({ role: participant.role, phase, action: 'floor.ask' }) && loadFloorCard()
          ? html`<plenum-floor-card .congress=${congress} .participant=${participant} .phase=${phase} .revisions=${floorRevisions}></plenum-floor-card>`
          : nothing}`
    }
    if (route.page === 'board') return html`<plenum-board-page .congress=${congress} .ballotId=${route.ballotId}></plenum-board-page>`
    if (route.page === 'seal') return html`<plenum-seal-page .congress=${congress}></plenum-seal-page>`
    if (route.page === 'proposal-history' || route.page === 'preamble-history') {
      return html`<plenum-text-history
        .congress=${congress}
        .participant=${participant}
        .phase=${phase}
        .number=${route.page === 'proposal-history' ? route.number : undefined}
      ></plenum-text-history>`
    }
    if (route.page === 'motion') {
      const revisions = { texts: live.textsRevision, amendments: live.amendmentStepsRevision, ballots: live.ballotsRevision }
      return html`<plenum-motion-page .congress=${congress} .revisions=${revisions}></plenum-motion-page>`
    }
    if (route.page === 'comparative' || route.page === 'minutes') {
      if (route.page === 'minutes' && !isAllowed({ role: participant.role, phase, action: 'audit.read' })) return html`<p class="error" role="alert">${m.forbidden}</p>`
      const revisions = { texts: live.textsRevision, amendments: live.amendmentStepsRevision, ballots: live.ballotsRevision }
      return html`<plenum-record-page .congress=${congress} .kind=${route.page} .revisions=${revisions}></plenum-record-page>`
    }
    if (route.page === 'ballots' || route.page === 'projector') {
      if (!isAllowed({ role: participant.role, phase, action: 'projector.show' })) return html`<p class="error" role="alert">${m.forbidden}</p>`
      return route.page === 'ballots'
        ? html`<plenum-ballots-page
            .congress=${congress}
            .phase=${phase}
            .revision=${live.ballotsRevision}
            .attendanceRevision=${live.attendanceRevision}
            .projectorRevision=${live.projectorRevision}
            .participation=${live.participation}
          ></plenum-ballots-page>`
        : html`<plenum-projector-page
            .congress=${congress}
            .phase=${phase}
            .revision=${live.ballotsRevision}
            .projectorRevision=${live.projectorRevision}
            .participation=${live.participation}
            .floorRevisions=${floorRevisions}
          ></plenum-projector-page>`
    }
    const revision = this.live.amendmentsRevision
    if (route.page === 'amendments') return html`<plenum-amendments-page .congress=${congress} .revision=${revision}></plenum-amendments-page>`
    if (route.page === 'amendment') {
      return html`<plenum-amendment-page
        .congress=${congress}
        .participant=${participant}
        .phase=${phase}
        .amendmentId=${route.amendmentId}
        .revision=${revision}
      ></plenum-amendment-page>`
    }
    return html`<plenum-text-page
      .congress=${congress}
      .participant=${participant}
      .phase=${phase}
      .revision=${revision}
      .number=${route.page === 'proposal' ? route.number : undefined}
    ></plenum-text-page>`
  }

  protected override updated(): void {
    document.title = `${this.pageTitle()} — ${t().appName}`
  }

  /** Each page has its own title, so tabs, history and screen readers tell them apart. */
  private pageTitle(): string {
    const m = t()
    const { route, session } = this
    if (route.page === 'join' || session.kind === 'anonymous') return m.joinTitle
    if (route.page === 'not-found' || route.page === 'home') return m.notFoundTitle
    const congress = this.congressTask.value
    if (!congress) return m.loading
    if (route.page === 'preamble') return `${m.preamble} — ${congress.title}`
    if (route.page === 'bureau') return `${m.bureauTitle} — ${congress.title}`
    if (route.page === 'dashboard') return `${m.dash.title} — ${congress.title}`
    if (route.page === 'amendments') return `${m.amendmentsAll} — ${congress.title}`
    if (route.page === 'amendment') return `${m.amendments} — ${congress.title}`
    if (route.page === 'vote') return `${m.v.voteTitle} — ${congress.title}`
    if (route.page === 'ballots') return `${m.v.ballotsTitle} — ${congress.title}`
    if (route.page === 'session') return `${m.f.sessionTitle} — ${congress.title}`
    if (route.page === 'board') return `${m.v.boardLink} — ${congress.title}`
    if (route.page === 'projector') return `${m.v.projectorTitle} — ${congress.title}`
    if (route.page === 'seal') return `${m.v.sealTitle} — ${congress.title}`
    if (route.page === 'preamble-history') return m.h.historyTitle(m.preamble)
    if (route.page === 'proposal-history') return m.h.historyTitle(m.proposalLabel(route.number))
    if (route.page === 'motion') return `${m.mo.title} — ${congress.title}`
    if (route.page === 'comparative') return `${m.rec.comparativeTitle} — ${congress.title}`
    if (route.page === 'minutes') return `${m.rec.minutesTitle} — ${congress.title}`
    if (route.page === 'proposal') {
      const proposal = congress.proposals.find((p) => p.number === route.number)
      return proposal ? `${withColon(m.proposalLabel(proposal.number))} ${proposal.title}` : m.proposalNotFound
    }
    return congress.title
  }

  override render() {
    const m = t()
    const participant = this.session.kind === 'signed-in' ? this.session.participant : undefined
    const other = language() === 'fr' ? 'en' : 'fr'
    const phase = this.live.phase ?? this.congressTask.value?.phase
    const bureau = participant && phase && isAllowed({ role: participant.role, phase, action: 'participants.manage' })
    const voter = participant && phase && isAllowed({ role: participant.role, phase, action: 'ballot.vote' })
    const sealed = participant && phase && isAllowed({ role: participant.role, phase, action: 'seal.read' })
    // The projector is the room's wall: the page alone, no header to distract from it.
    if (this.route.page === 'projector' && participant) return html`<main id="main" tabindex="-1" class="projector-main-wrap">${this.renderPage()}</main>`
    return html`
      <a class="skip-link" href="#main">${m.skipToContent}</a>
      <header class="app-header">
        <a class="brand" href=${participant ? paths.congress(participant.congressId) : '/'}>${m.appName}</a>
        ${phase
          ? html`<p class="phase-badge" data-phase=${phase}><span class="visually-hidden">${withColon(m.phaseLabel)} </span>${m.phaseNames[phase]}</p>`
          : nothing}
        <div class="header-tools">
          ${voter && participant ? html`<a class="nav-vote" href=${paths.vote(participant.congressId)}>${m.v.voteNav}</a>` : nothing}
          ${sealed && participant ? html`<a href=${paths.seal(participant.congressId)}>${m.v.sealNav}</a>` : nothing}
          ${bureau && participant ? html`<a href=${paths.session(participant.congressId)}>${m.f.sessionNav}</a>` : nothing}
          ${bureau && participant ? html`<a href=${paths.ballots(participant.congressId)}>${m.v.ballotsNav}</a>` : nothing}
          ${bureau && participant ? html`<a href=${paths.dashboard(participant.congressId)}>${m.dash.nav}</a>` : nothing}
          ${bureau && participant ? html`<a href=${paths.bureau(participant.congressId)}>${m.bureauNav}</a>` : nothing}
          ${participant ? html`<plenum-notification-badge .congressId=${participant.congressId} .timeZone=${this.congressTask.value?.id === participant.congressId ? this.congressTask.value.timeZone : undefined} .revision=${this.live.notificationsRevision}></plenum-notification-badge>` : nothing}
          ${participant
            ? html`<span class="who">${m.connectedAs(participant.name)} <span class="role">(${m.roleLabel[participant.role]})</span></span>`
            : nothing}
          <button type="button" class="link-button" lang=${other} aria-label=${m.languageSwitchLabel} @click=${() => setLanguage(other).catch((error: unknown) => console.error(error))}>
            ${m.languageSwitch}
          </button>
          ${participant ? html`<button type="button" class="link-button" @click=${() => this.logout()}>${m.logout}</button>` : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.route.page === 'join' ? nothing : html`<plenum-phase-help .phase=${phase} .viewerRole=${participant?.role}></plenum-phase-help>`}${this.renderPage()}
      </main>
    `
  }
}

customElements.define('plenum-app', PlenumApp)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-app': PlenumApp
  }
}
