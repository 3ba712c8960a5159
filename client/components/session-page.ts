import { html, nothing } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import type { Phase } from '../../shared/phases.ts'
import { api } from '../api.ts'
import { debateTitle, followFloor, type FloorRevisions } from '../floor-reads.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './floor-queue.ts'
import './floor-rules.ts'
import './floor-spoken.ts'
import { floorNoticeEvent, runFloorStep, type FloorNotice } from './floor-notice.ts'
import './session-votes.ts'

/**
 * The bureau's session screen: the item under debate, its votes in the running order with one
 * button for the next, its list of speakers with the countdown, the list's rules and who spoke.
 * Live: every part reads again when the floor, the amendments or the ballots change.
 */
export class SessionPage extends LightElement {
  static override properties = {
    congress: { attribute: false },
    phase: { attribute: false },
    revisions: { attribute: false },
    participation: { attribute: false },
    notice: { state: true },
    busy: { state: true },
  }
  declare congress: CongressView
  declare phase: Phase
  declare revisions: FloorRevisions
  declare participation: Readonly<Record<string, { voted: number; rights: number }>>
  declare notice: FloorNotice | undefined
  declare busy: boolean
  private readonly follow = followFloor(this, () => ({ congress: this.congress, revisions: this.revisions }))

  constructor() {
    super()
    this.busy = false
    // Every part says how its step went here, then the page reads the floor again at once (the event stream follows).
    this.addEventListener(floorNoticeEvent, (event) => {
      this.notice = (event as CustomEvent<FloorNotice>).detail
      void this.follow.floor.run()
    })
  }

  private async setDebate(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const value = ((event.currentTarget as HTMLFormElement).elements.namedItem('debate') as HTMLSelectElement).value
    const docName = value === '' ? null : value
    const m = t()
    this.busy = true
    await runFloorStep(this, () => api.setDebate(this.congress.id, docName), docName ? m.f.debateChanged(debateTitle(this.congress, docName)) : m.f.debateCleared)
    this.busy = false
  }

  override render() {
    const m = t()
    const reading = this.follow.floor.value
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a> › <a href=${paths.bureau(this.congress.id)}>${m.bureauTitle}</a></nav>
      <h1>${m.f.sessionTitle}</h1>
      <p class="section-links">
        <a href=${paths.projector(this.congress.id)} target="_blank" rel="noopener">${m.v.projectorLink}</a>
        <a href=${paths.ballots(this.congress.id)}>${m.v.ballotsTitle}</a>
      </p>
      <div class="session-notice" aria-live="polite">
        ${this.notice ? html`<p class=${this.notice.failure ? 'error' : 'ok'} role=${this.notice.failure ? 'alert' : 'status'}>${this.notice.text}</p>` : nothing}
      </div>
      ${reading === undefined
        ? this.follow.floor.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: (error) => html`<p role="alert" class="error">${describeFailure(error)}</p>` })
        : html`${this.renderDebateChoice(reading.view.debateDoc)}
            <div class="session-grid">
              ${reading.view.debateDoc === null ? nothing : this.renderVotes()}
              <section class="card" aria-labelledby="speakers-heading">
                <h2 id="speakers-heading">${m.f.speakersHeading}</h2>
                <plenum-floor-queue .congressId=${this.congress.id} .reading=${reading}></plenum-floor-queue>
                <h3>${m.f.rulesHeading}</h3>
                <plenum-floor-rules .congressId=${this.congress.id} .view=${reading.view}></plenum-floor-rules>
              </section>
            </div>
            <section class="card" aria-labelledby="spoken-heading">
              <h2 id="spoken-heading">${m.f.spokenHeading}</h2>
              <plenum-floor-spoken .turns=${reading.view.spoken}></plenum-floor-spoken>
            </section>`}
    `
  }

  private renderDebateChoice(debateDoc: string | null) {
    const m = t()
    const { congress } = this
    return html`<section class="card" aria-labelledby="debate-heading">
      <h2 id="debate-heading">${m.f.debateHeading}</h2>
      <p class="floor-item">${debateDoc ? html`<strong>${debateTitle(congress, debateDoc, this.follow.floor.value?.view.debateAmendment)}</strong>` : html`<span class="hint">${m.f.nothingUnderDebate}</span>`}</p>
      <form class="inline-form" @submit=${this.setDebate}>
        <div class="field">
          <label for="debate-choice">${m.f.debateLabel}</label>
          <select id="debate-choice" name="debate">
            <option value="" ?selected=${debateDoc === null}>${m.f.debateNone}</option>
            <option value=${congress.preambleDocName} ?selected=${debateDoc === congress.preambleDocName}>${m.preamble}</option>
            ${congress.proposals.map((p) => html`<option value=${p.docName} ?selected=${debateDoc === p.docName}>${m.proposalLabel(p.number)} — ${p.title}</option>`)}
          </select>
        </div>
        <button type="submit" ?disabled=${this.busy}>${m.f.debateSet}</button>
      </form>
      ${debateDoc ? this.renderScope(debateDoc) : nothing}
    </section>`
  }

  /** The text under debate, or one of its discussions communes (the amendments debated together): the list of speakers is that item's. */
  private renderScope(debateDoc: string) {
    const m = t()
    const item = this.follow.item()
    const current = this.follow.floor.value?.view.debateAmendment ?? null
    if (!item) return nothing
    const groups = item.order.groups.map((g) => ({ lead: g.ids[0]!, labels: g.ids.map((id) => item.amendments.get(id)?.label ?? '').join(', ') }))
    if (groups.length === 0 && current === null) return nothing
    const known = current === null || groups.some((g) => g.lead === current.id)
    const submit = async (event: SubmitEvent) => {
      event.preventDefault()
      const value = ((event.currentTarget as HTMLFormElement).elements.namedItem('scope') as HTMLSelectElement).value
      const amendment = value === '' ? null : { id: value, label: groups.find((g) => g.lead === value)?.labels ?? current?.label ?? '' }
      this.busy = true
      await runFloorStep(this, () => api.setDebate(this.congress.id, debateDoc, amendment?.id ?? null), m.f.debateChanged(debateTitle(this.congress, debateDoc, amendment)))
      this.busy = false
    }
    return html`<form class="inline-form" @submit=${submit}>
      <div class="field">
        <label for="debate-scope">${m.f.debateScopeLabel}</label>
        <select id="debate-scope" name="scope">
          <option value="" ?selected=${current === null}>${m.f.debateScopeWhole}</option>
          ${groups.map((g) => html`<option value=${g.lead} ?selected=${current?.id === g.lead}>${m.f.debateScopeGroup(g.labels)}</option>`)}
          ${known ? nothing : html`<option value=${current!.id} selected>${m.f.debateScopeGroup(current!.label)}</option>`}
        </select>
      </div>
      <button type="submit" ?disabled=${this.busy}>${m.f.debateScopeSet}</button>
    </form>`
  }

  private renderVotes() {
    const m = t()
    const item = this.follow.item()
    return html`<section class="card" aria-labelledby="session-votes-heading">
      <h2 id="session-votes-heading">${m.f.votesHeading}</h2>
      ${item ? html`<plenum-session-votes .congress=${this.congress} .phase=${this.phase} .item=${item} .participation=${this.participation}></plenum-session-votes>` : html`<p role="status">${m.loading}</p>`}
    </section>`
  }
}

customElements.define('plenum-session-page', SessionPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-session-page': SessionPage
  }
}
