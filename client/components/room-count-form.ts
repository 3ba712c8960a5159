import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { BallotView } from '../../shared/api-types.ts'
import { choices, isChoice } from '../../shared/ballots/ballot-rule.ts'
import type { RoomVote } from '../../shared/ballots/room-count.ts'
import type { RoomCountRequest } from '../../shared/requests/ballot-requests.ts'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'

/**
 * The bureau's count in the room for a closed ballot: three numbers for a secret ballot; for a
 * roll-call one, each voter who did not vote on a phone with a choice (or not counted). Submitting
 * sends a 'room-count' event with the request; the page records it (and says how it went).
 */
export class RoomCountForm extends LightElement {
  static override properties = { ballot: { attribute: false } }
  declare ballot: BallotView

  /** Roll-call only: who is on the list and did not vote on a phone (in name order), so may be counted in the room. */
  private readonly voters = new Task(this, {
    task: async ([ballotId, rollCall]: readonly [string, boolean]) => (rollCall ? ((await api.participation(ballotId)).notVoted ?? []) : []),
    args: () => [this.ballot.id, this.ballot.rule.secrecy === 'roll-call'] as const,
  })

  private submit(event: SubmitEvent): void {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const request: RoomCountRequest = this.ballot.rule.secrecy === 'roll-call' ? { names: this.readNames(form) } : { counts: this.readCounts(form) }
    this.dispatchEvent(new CustomEvent<RoomCountRequest>('room-count', { detail: request, bubbles: true }))
  }

  private readCounts(form: HTMLFormElement) {
    const count = (choice: string) => Number((form.elements.namedItem(`room-${choice}`) as HTMLInputElement).value || 0)
    return { yes: count('yes'), no: count('no'), abstain: count('abstain') }
  }

  private readNames(form: HTMLFormElement): RoomVote[] {
    const names: RoomVote[] = []
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-participant]')) {
      if (isChoice(select.value)) names.push({ participantId: select.dataset.participant!, choice: select.value })
    }
    return names
  }

  override render() {
    const m = t()
    const { ballot } = this
    const id = (suffix: string) => `room-${ballot.id}-${suffix}`
    const room = ballot.room
    const submit = html`<p class="actions"><button type="submit">${m.v.roomSubmit}</button></p>`
    if (ballot.rule.secrecy !== 'roll-call') {
      return html`<form class="room-count" @submit=${this.submit} aria-labelledby=${id('heading')}>
        <h4 id=${id('heading')}>${m.v.roomHeading}</h4>
        <p class="hint">${m.v.roomHelp}</p>
        <div class="room-counts">
          ${choices.map(
            (choice) => html`<label for=${id(choice)}>${m.v.resultHeaders[choice]}</label>
              <input id=${id(choice)} name=${`room-${choice}`} type="number" min="0" step="1" inputmode="numeric" required .value=${String(room?.[choice] ?? 0)} />`,
          )}
        </div>
        ${submit}
      </form>`
    }
    // Those already counted in the room did not vote on a phone either: listed with their choice, so a recount can change it.
    const counted = new Map((room?.names ?? []).map((n) => [n.participantId, n.choice]))
    const listed = this.voters.value ?? []
    return html`<form class="room-count" @submit=${this.submit} aria-labelledby=${id('heading')}>
      <h4 id=${id('heading')}>${m.v.roomHeading}</h4>
      <p class="hint">${m.v.roomHelp} ${m.v.roomHelpNames}</p>
      ${this.voters.render({ pending: () => html`<p role="status">${m.loading}</p>` })}
      ${this.voters.value && listed.length === 0 ? html`<p>${m.v.roomNobodyLeft}</p>` : nothing}
      <ul class="room-names-form">
        ${listed.map(
          (voter) => html`<li>
            <label for=${id(voter.id)}>${voter.name}</label>
            <select id=${id(voter.id)} data-participant=${voter.id}>
              <option value="" ?selected=${!counted.has(voter.id)}>${m.v.roomNotCounted}</option>
              ${choices.map((choice) => html`<option value=${choice} ?selected=${counted.get(voter.id) === choice}>${m.v.choices[choice]}</option>`)}
            </select>
          </li>`,
        )}
      </ul>
      ${listed.length > 0 ? submit : nothing}
    </form>`
  }
}

customElements.define('plenum-room-count-form', RoomCountForm)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-room-count-form': RoomCountForm
  }
}
