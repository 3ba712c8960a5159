import { html, nothing } from 'lit'
import type { AmendmentView, CongressView } from '../../shared/api-types.ts'
import type { BallotRule } from '../../shared/ballots/ballot-rule.ts'
import type { BallotSubject } from '../../shared/requests/ballot-requests.ts'
import { api } from '../api.ts'
import { describeFailure } from '../i18n/errors/index.ts'
import { bal } from '../i18n/ballots-messages.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { ruleSummary } from './rule-summary.ts'

/** The options' values: "motion", "amendment:<id>", "proposal:<id>"; "" is no choice yet. */
function subjectOf(value: string): BallotSubject | undefined {
  const [kind, id = ''] = value.split(':')
  if (kind === 'amendment' && id) return { kind: 'amendment', id }
  if (kind === 'proposal' && id) return { kind: 'proposal', id }
  if (kind === 'motion') return { kind: 'motion' }
  return undefined
}

/**
 * A ballot on one subject. The subject starts empty: a hasty click must not put the whole motion
 * (or anything else) to the vote, so the form refuses, next to the field, until one is chosen. The
 * rule the ballot will get is shown whole beside it.
 */
export class NewBallotForm extends LightElement {
  static override properties = {
    congress: { attribute: false },
    amendments: { attribute: false },
    rule: { attribute: false },
    busy: { state: true },
    invalid: { state: true },
    failure: { state: true },
    notice: { state: true },
  }

  declare congress: CongressView
  declare amendments: readonly AmendmentView[]
  /** The congress's default rule, which a new ballot starts from. */
  declare rule: BallotRule | undefined
  declare busy: boolean
  declare invalid: boolean
  declare failure: string | undefined
  declare notice: string | undefined

  constructor() {
    super()
    this.amendments = []
    this.busy = false
    this.invalid = false
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const select = form.elements.namedItem('subject') as HTMLSelectElement
    const subject = subjectOf(select.value)
    this.failure = undefined
    this.notice = undefined
    if (!subject) {
      this.invalid = true
      select.focus()
      return
    }
    const label = select.selectedOptions[0]?.textContent?.trim() ?? ''
    this.busy = true
    try {
      await api.createBallot({ congressId: this.congress.id, subject })
      select.value = ''
      this.notice = bal().created(label)
      this.dispatchEvent(new CustomEvent('ballot-created', { bubbles: true }))
    } catch (error) {
      this.failure = describeFailure(error)
    } finally {
      this.busy = false
    }
  }

  override render() {
    const m = t()
    return html`
      <form class="inline-form new-ballot" novalidate @submit=${this.create}>
        <div class="field">
          <label for="ballot-subject">${m.v.subjectLabel}</label>
          <select id="ballot-subject" name="subject" aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby=${this.invalid ? 'ballot-subject-error' : nothing}
            @change=${(e: Event) => (this.invalid = (e.target as HTMLSelectElement).value === '' && this.invalid)}>
            <option value="" selected>${bal().subjectChoose}</option>
            <optgroup label=${m.v.subjectGroupAmendments}>${this.amendments.map((a) => html`<option value=${`amendment:${a.id}`}>${a.label}</option>`)}</optgroup>
            <optgroup label=${m.v.subjectGroupProposals}>${this.congress.proposals.map((p) => html`<option value=${`proposal:${p.id}`}>${m.proposalLabel(p.number)} — ${p.title}</option>`)}</optgroup>
            <option value="motion:">${m.v.subjectMotion}</option>
          </select>
          <div aria-live="polite">${this.invalid ? html`<p id="ballot-subject-error" role="alert" class="error field-error">${bal().subjectRequired}</p>` : nothing}</div>
        </div>
        <button type="submit" ?disabled=${this.busy}>${m.v.createBallot}</button>
      </form>
      ${this.rule
        ? html`<p class="rule-summary"><strong>${bal().ruleApplied}</strong> ${ruleSummary(this.rule)}<br /><span class="hint">${bal().ruleAppliedHelp}</span></p>`
        : nothing}
      <div aria-live="polite">
        ${this.notice ? html`<p role="status" class="ok">${this.notice}</p>` : nothing}
        ${this.failure ? html`<p role="alert" class="error">${this.failure}</p>` : nothing}
      </div>
    `
  }
}

customElements.define('plenum-new-ballot-form', NewBallotForm)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-new-ballot-form': NewBallotForm
  }
}
