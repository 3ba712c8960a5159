import { html, nothing } from 'lit'
import type { CongressView } from '../../shared/api-types.ts'
import { blockLimits } from '../../shared/requests/ballot-requests.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * The bureau puts several proposals to one ballot (*vote en bloc*), as an assembly does with the
 * uncontested ones: those not yet decided are offered, ticked one by one.
 */
export class BlockBallotForm extends LightElement {
  static override properties = {
    congress: { attribute: false },
    busy: { state: true },
    failure: { state: true },
  }

  declare congress: CongressView
  declare busy: boolean
  declare failure: string | undefined

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const ids = new FormData(form).getAll('block').map(String)
    this.failure = undefined
    if (ids.length < blockLimits.min) {
      this.failure = t().v.blockTooFew
      return
    }
    this.busy = true
    try {
      await api.createBallot({ congressId: this.congress.id, subject: { kind: 'block', ids } })
      form.reset()
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  override render() {
    const m = t()
    const undecided = this.congress.proposals.filter((p) => p.outcome === null)
    return html`<details class="block-ballot">
      <summary>${m.v.blockHeading}</summary>
      <form class="stacked" @submit=${this.create}>
        <p class="hint">${m.v.blockHelp}</p>
        <fieldset class="block-choices">
          <legend>${m.v.blockLegend}</legend>
          ${undecided.map((p) => html`<label class="choice"><input type="checkbox" name="block" value=${p.id} /> ${m.proposalLabel(p.number)} — ${p.title}</label>`)}
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>${m.v.blockCreate}</button>
        <div aria-live="polite">${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}</div>
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
