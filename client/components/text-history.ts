import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { CongressView, ParticipantView } from '../../shared/api-types.ts'
import type { TextHistoryView, TextVersionView } from '../../shared/history/text-history.ts'
import type { Phase } from '../../shared/phases.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { language, t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './text-history-compare.ts'
import type { CompareMode } from './text-history-compare.ts'

const when = (at: number) => new Date(at).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' })

/**
 * A base text's history (the preamble, or a proposal by number): its versions, newest first, with
 * when, what made each and who typed since the one before; any two compared; and for the bureau,
 * while the text is editable, a version restored after a confirmation.
 */
export class TextHistory extends LightElement {
  static override properties = {
    congress: { attribute: false },
    participant: { attribute: false },
    number: { type: Number },
    phase: { attribute: false },
    fromId: { state: true },
    toId: { state: true },
    mode: { state: true },
    confirming: { state: true },
    notice: { state: true },
    failure: { state: true },
    revision: { state: true },
    busy: { state: true },
  }

  declare congress: CongressView
  declare participant: ParticipantView
  declare number: number | undefined
  declare phase: Phase
  declare fromId: string | undefined
  declare toId: string | undefined
  declare mode: CompareMode
  /** The version whose restore waits for its confirmation. */
  declare confirming: string | undefined
  declare notice: string | undefined
  declare failure: string | undefined
  declare revision: number
  declare busy: boolean

  constructor() {
    super()
    this.mode = 'diff'
    this.revision = 0
    this.busy = false
  }

  private get proposal() {
    return this.number === undefined ? undefined : this.congress.proposals.find((p) => p.number === this.number)
  }

  private readonly load = new Task(this, {
    task: async ([congressId, proposalId]: readonly [string, string | undefined, Phase, number]) => {
      const view = await api.textVersions(congressId, proposalId)
      // The newest against the one before it, until the reader chooses.
      const ids = view.versions.map((v) => v.id)
      if (!this.toId || !ids.includes(this.toId)) this.toId = ids.at(-1)
      if (!this.fromId || !ids.includes(this.fromId)) this.fromId = ids.at(-2) ?? ids.at(-1)
      return view
    },
    args: () => [this.congress.id, this.proposal?.id, this.phase, this.revision] as const,
  })

  private describe(v: TextVersionView) {
    const m = t()
    const detail = [
      v.phase ? m.h.enteredPhase(m.phaseNames[v.phase]) : undefined,
      v.amendmentLabel ? m.h.mergedAmendment(v.amendmentLabel) : undefined,
      v.restoredSeq !== null ? m.h.restoredVersion(v.restoredSeq) : undefined,
      v.actor ? m.h.byActor(v.actor) : undefined,
    ].filter((d) => d !== undefined)
    return html`${m.h.events[v.event]}${detail.length > 0 ? html` — ${detail.join(', ')}` : nothing}`
  }

  private async restore(version: TextVersionView): Promise<void> {
    this.busy = true
    this.failure = undefined
    try {
      const answer = await api.restoreVersion(this.congress.id, version.id)
      this.notice = answer.version ? t().h.restored(version.seq) : t().h.restoredNothing(version.seq)
      this.confirming = undefined
      if (answer.version) {
        this.fromId = version.id
        this.toId = answer.version.id
      }
      this.revision += 1
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  private renderVersion(v: TextVersionView, previous: TextVersionView | undefined, view: TextHistoryView) {
    const m = t().h
    const headingId = `version-${v.seq}`
    return html`<li class="history-version card" data-seq=${v.seq} data-event=${v.event} aria-labelledby=${headingId}>
      <h3 id=${headingId}>${m.versionLabel(v.seq)} <span class="history-when">— <time datetime=${new Date(v.at).toISOString()}>${when(v.at)}</time></span></h3>
      <p class="history-event">${this.describe(v)}</p>
      <p class="history-typists">
        <span class="label">${m.typedBy}</span> ${v.typists.length > 0 ? v.typists.join(', ') : html`<span class="hint">${m.nobodyTyped}</span>`}
      </p>
      <div class="history-actions">
        ${previous
          ? html`<button type="button" class="secondary" aria-describedby=${headingId} @click=${() => this.choose(previous.id, v.id)}>${m.compareWithPrevious}</button>`
          : nothing}
        <button type="button" class="secondary" aria-describedby=${headingId} @click=${() => this.choose(v.id, v.id)}>${m.showVersion}</button>
        ${view.canRestore ? html`<button type="button" class="danger" aria-describedby=${headingId} @click=${() => this.askRestore(v)}>${m.restore}</button>` : nothing}
      </div>
      ${this.confirming === v.id
        ? html`<div class="confirm" role="group" aria-label=${m.restore}>
            <p>${m.restoreConfirm(v.seq)}</p>
            <button type="button" class="primary restore-yes" ?disabled=${this.busy} @click=${() => this.restore(v)}>${m.restoreYes}</button>
            <button type="button" class="secondary" @click=${() => (this.confirming = undefined)}>${m.restoreNo}</button>
          </div>`
        : nothing}
    </li>`
  }

  private askRestore(v: TextVersionView): void {
    this.notice = undefined
    this.confirming = v.id
    void this.updateComplete.then(() => this.querySelector<HTMLButtonElement>('.restore-yes')?.focus())
  }

  private choose(fromId: string, toId: string): void {
    this.fromId = fromId
    this.toId = toId
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#history-compare-heading')?.focus())
  }

  private renderCompare(view: TextHistoryView) {
    const m = t().h
    if (view.versions.length === 0 || !this.fromId || !this.toId) return nothing
    const options = (selected: string) => view.versions.map((v) => html`<option value=${v.id} ?selected=${v.id === selected}>${m.versionLabel(v.seq)} — ${when(v.at)}</option>`)
    return html`<section class="card history-compare" aria-labelledby="history-compare-heading">
      <h2 id="history-compare-heading" tabindex="-1">${m.compareHeading}</h2>
      <div class="history-pick">
        <label>${m.compareFrom}
          <select @change=${(e: Event) => (this.fromId = (e.target as HTMLSelectElement).value)}>${options(this.fromId)}</select>
        </label>
        <label>${m.compareTo}
          <select @change=${(e: Event) => (this.toId = (e.target as HTMLSelectElement).value)}>${options(this.toId)}</select>
        </label>
        <fieldset class="history-mode">
          <legend>${m.compareMode}</legend>
          ${(['diff', 'side'] as const).map(
            (mode) => html`<label class="choice"><input type="radio" name="history-mode" value=${mode} .checked=${this.mode === mode} @change=${() => (this.mode = mode)} />
              ${mode === 'diff' ? m.modeDiff : m.modeSide}</label>`,
          )}
        </fieldset>
      </div>
      <plenum-text-history-compare .congressId=${this.congress.id} .fromId=${this.fromId} .toId=${this.toId} .mode=${this.mode} .revision=${this.revision}></plenum-text-history-compare>
    </section>`
  }

  private renderHistory(view: TextHistoryView) {
    const m = t().h
    const newestFirst = [...view.versions].reverse()
    return html`
      ${this.renderCompare(view)}
      <section aria-labelledby="history-versions-heading">
        <h2 id="history-versions-heading">${m.versionsHeading}</h2>
        <button type="button" class="secondary" @click=${() => (this.revision += 1)}>${m.refresh}</button>
        ${view.versions.length === 0
          ? html`<p>${m.noVersions}</p>`
          : html`<ol class="history-versions" reversed>
              ${newestFirst.map((v) => this.renderVersion(v, view.versions[view.versions.indexOf(v) - 1], view))}
            </ol>`}
      </section>
    `
  }

  override render() {
    const m = t()
    const { congress } = this
    const proposal = this.proposal
    if (this.number !== undefined && !proposal) return html`<h1>${m.proposalNotFound}</h1><p><a href=${paths.congress(congress.id)}>${m.backToCongress}</a></p>`
    const label = proposal ? `${m.proposalLabel(proposal.number)} — ${proposal.title}` : m.preamble
    const textPath = proposal ? paths.proposal(congress.id, proposal.number) : paths.preamble(congress.id)
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb">
        <a href=${paths.congress(congress.id)}>${congress.title}</a> › <a href=${textPath}>${proposal ? m.proposalLabel(proposal.number) : m.preamble}</a>
      </nav>
      <h1>${m.h.historyTitle(label)}</h1>
      <p>${m.h.historyIntro}</p>
      <div aria-live="polite">
        ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
        ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
      </div>
      ${this.load.render({
        pending: () => (this.load.value ? this.renderHistory(this.load.value) : html`<p role="status">${m.loading}</p>`),
        complete: (view) => this.renderHistory(view),
        error: (error) => html`<p role="alert" class="error">${describeFailure(error)}</p>`,
      })}
      <p><a href=${textPath}>← ${m.h.backToText}</a></p>
    `
  }
}

customElements.define('plenum-text-history', TextHistory)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-text-history': TextHistory
  }
}
