import type { PropertyValues } from 'lit'
import { html, nothing } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { docBlocks } from '../../shared/editor/blocks.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { SyncController } from '../sync/sync-controller.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

/**
 * The bureau makes a part of a proposal to vote apart (*vote par division*): it picks the
 * proposal, then the paragraphs of its text as it stands. Each part is a ballot; a part rejected
 * is cut from the text, and the whole is voted last, as any proposal is.
 */
export class DivisionBallotForm extends LightElement {
  static override properties = {
    congress: { attribute: false },
    proposalId: { state: true },
    busy: { state: true },
    failure: { state: true },
    done: { state: true },
  }

  declare congress: CongressView
  declare proposalId: string
  declare busy: boolean
  declare failure: string | undefined
  declare done: string | undefined
  /** The chosen proposal's text, followed live: its paragraphs are what a part is made of. */
  private readonly sync = new SyncController(this, { onChange: () => this.requestUpdate() })

  constructor() {
    super()
    this.proposalId = ''
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('proposalId')) this.sync.setDoc(this.congress.proposals.find((p) => p.id === this.proposalId)?.docName)
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const blocks = new FormData(form).getAll('part').map(Number)
    this.failure = undefined
    this.done = undefined
    this.busy = true
    try {
      const ballot = await api.createBallot({ congressId: this.congress.id, subject: { kind: 'part', id: this.proposalId, blocks } })
      this.done = t().v.divisionCreated(subjectLabel(ballot.subject))
      form.querySelectorAll<HTMLInputElement>('input[name="part"]').forEach((box) => (box.checked = false))
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  override render() {
    const m = t()
    const undecided = this.congress.proposals.filter((p) => p.outcome === null)
    const doc = this.sync.doc
    const blocks = this.proposalId && this.sync.synced && doc ? docBlocks(doc) : undefined
    return html`<details class="division-ballot">
      <summary>${m.v.divisionHeading}</summary>
      <form class="stacked" @submit=${this.create}>
        <p class="hint">${m.v.divisionHelp}</p>
        <label for="division-proposal">${m.v.divisionProposal}</label>
        <select id="division-proposal" @change=${(e: Event) => (this.proposalId = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.proposalId === ''}>${m.v.divisionChoose}</option>
          ${undecided.map((p) => html`<option value=${p.id} ?selected=${this.proposalId === p.id}>${m.proposalLabel(p.number)} — ${p.title}</option>`)}
        </select>
        ${blocks
          ? html`<fieldset class="block-choices">
                <legend>${m.v.divisionLegend}</legend>
                ${blocks.map((text, i) => html`<label class="choice"><input type="checkbox" name="part" value=${i} /> § ${i + 1} — ${text.length > 120 ? `${text.slice(0, 117)}…` : text}</label>`)}
              </fieldset>
              <button type="submit" ?disabled=${this.busy}>${m.v.divisionCreate}</button>`
          : this.proposalId
            ? html`<p role="status">${m.loading}</p>`
            : nothing}
        <div aria-live="polite">
          ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
          ${this.done ? html`<p role="status" class="ok">${this.done}</p>` : nothing}
        </div>
      </form>
    </details>`
  }
}

customElements.define('plenum-division-ballot-form', DivisionBallotForm)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-division-ballot-form': DivisionBallotForm
  }
}
