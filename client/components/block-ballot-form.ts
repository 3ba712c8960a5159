import { html, nothing } from 'lit'
import type { AmendmentView, CongressView } from '../../shared/api-types.ts'
import { blockLimits } from '../../shared/requests/ballot-requests.ts'
import { api } from '../api.ts'
import { bal } from '../i18n/ballots-messages.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * The bureau puts several proposals (or, with `amendments`, several admissible amendments) to one
 * ballot (*vote en bloc*), as an assembly does with the uncontested ones: those that may be are
 * offered, ticked one by one.
 */
export class BlockBallotForm extends LightElement {
  static override properties = {
    congress: { attribute: false },
    amendments: { attribute: false },
    busy: { state: true },
    failure: { state: true },
    done: { state: true },
  }

  declare congress: CongressView
  /** Set: a block of these amendments; unset: a block of the proposals not yet voted. */
  declare amendments: readonly AmendmentView[] | undefined
  declare busy: boolean
  declare failure: string | undefined
  /** The confirmation, under the button that made the ballot. */
  declare done: string | undefined

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const ids = new FormData(form).getAll('block').map(String)
    this.failure = undefined
    this.done = undefined
    if (ids.length < blockLimits.min) {
      this.failure = t().v.blockTooFew
      return
    }
    this.busy = true
    try {
      await api.createBallot({ congressId: this.congress.id, subject: { kind: 'block', ids, of: this.amendments ? 'amendment' : 'proposal' } })
      form.reset()
      this.done = this.amendments ? bal().blockAmendmentsCreated(ids.length) : bal().blockCreated(ids.length)
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  override render() {
    const m = t()
    const choices = this.amendments
      ? this.amendments.map((a) => ({ id: a.id, text: a.label }))
      : this.congress.proposals.filter((p) => p.outcome === null).map((p) => ({ id: p.id, text: `${m.proposalLabel(p.number)} — ${p.title}` }))
    return html`<details class="block-ballot">
      <summary>${this.amendments ? m.v.blockAmendmentsHeading : m.v.blockHeading}</summary>
      <form class="stacked" @submit=${this.create}>
        <p class="hint">${this.amendments ? m.v.blockAmendmentsHelp : m.v.blockHelp}</p>
        <fieldset class="block-choices">
          <legend>${this.amendments ? m.v.blockAmendmentsLegend : m.v.blockLegend}</legend>
          ${choices.map((c) => html`<label class="choice"><input type="checkbox" name="block" value=${c.id} /> ${c.text}</label>`)}
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>${m.v.blockCreate}</button>
        <div aria-live="polite">
          ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
          ${this.done ? html`<p role="status" class="ok">${this.done}</p>` : nothing}
        </div>
      </form>
    </details>`
  }
}

customElements.define('plenum-block-ballot-form', BlockBallotForm)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-block-ballot-form': BlockBallotForm
  }
}
