import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { BallotView, BoardView, CongressView } from '../../shared/api-types.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './ballot-result.ts'

/**
 * A ballot's public board: every receipt with its choice (and name, for roll-call), a search for
 * one's own receipt, and the count redone in the page from the board alone.
 */
export class BoardPage extends LightElement {
  static override properties = { congress: { attribute: false }, ballotId: { attribute: false }, search: { state: true } }
  declare congress: CongressView
  declare ballotId: string
  declare search: string

  constructor() {
    super()
    this.search = new URLSearchParams(location.search).get('receipt') ?? ''
  }

  private readonly task = new Task(this, {
    task: async ([id]: readonly [string]): Promise<{ ballot: BallotView; board: BoardView | undefined }> => {
      const ballot = await api.ballot(id)
      try {
        return { ballot, board: await api.board(id) }
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return { ballot, board: undefined }
        throw error
      }
    },
    args: () => [this.ballotId] as const,
  })

  protected override updated(): void {
    this.querySelector('tr.found')?.scrollIntoView({ block: 'center' })
  }

  override render() {
    const m = t()
    const data = this.task.value
    if (!data) return this.task.render({ pending: () => html`<p role="status">${m.loading}</p>`, error: () => html`<p role="alert" class="error">${m.genericError}</p>` })
    const { ballot, board } = data
    const needle = this.search.replace(/\s/g, '').toLowerCase()
    const found = needle.length >= 4 && board ? board.entries.find((e) => e.receipt.startsWith(needle)) : undefined
    const recount = { yes: 0, no: 0, abstain: 0 }
    for (const entry of board?.entries ?? []) recount[entry.choice]++
    const matches = ballot.result !== null && recount.yes === ballot.result.yes && recount.no === ballot.result.no && recount.abstain === ballot.result.abstain
    const rollCall = board?.secrecy === 'roll-call'
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a> › <a href=${paths.vote(this.congress.id)}>${m.v.voteNav}</a></nav>
      <h1>${m.v.boardTitle(ballot.subject.label)}</h1>
      ${!board
        ? html`<p>${m.v.boardNotYet}</p>`
        : html`
            <p>${m.v.boardIntro}</p>
            <plenum-ballot-result .ballot=${ballot}></plenum-ballot-result>
            <p>${m.v.boardRecount(recount.yes, recount.no, recount.abstain)} <strong>${matches ? m.v.boardRecountMatches : m.v.boardRecountDiffers}</strong></p>
            <p>${m.v.boardChainHead} : <code class="hash">${board.chainHead}</code></p>
            <label for="receipt-search">${m.v.boardSearchLabel}</label>
            <input id="receipt-search" type="search" autocomplete="off" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
            <p role="status" aria-live="polite">${needle.length >= 4 ? (found ? m.v.boardFound(m.v.choices[found.choice]) : m.v.boardNotFound) : nothing}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=${m.v.boardColumns.receipt}>
              <table class="board-table">
                <thead><tr><th scope="col">${m.v.boardColumns.receipt}</th><th scope="col">${m.v.boardColumns.choice}</th>${rollCall ? html`<th scope="col">${m.v.boardColumns.name}</th>` : nothing}</tr></thead>
                <tbody>
                  ${board.entries.map(
                    (e) => html`<tr class=${e === found ? 'found' : ''} aria-current=${e === found ? 'true' : 'false'}>
                      <td><code>${e.receipt.slice(0, 12)}</code><span class="receipt-rest">${e.receipt.slice(12)}</span></td>
                      <td>${m.v.choices[e.choice]}</td>
                      ${rollCall ? html`<td>${e.name}</td>` : nothing}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            <p class="hint">${m.v.boardHowTo}</p>
          `}
    `
  }
}

customElements.define('plenum-board-page', BoardPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-board-page': BoardPage
  }
}
