import { Task } from '@lit/task'
import { html, nothing } from 'lit'
import type { BallotView, BoardEntryView, BoardView, CongressView } from '../../shared/api-types.ts'
import { deviceNonceOf, duplicateReceipts, receiptFor } from '../../shared/ballots/receipt.ts'
import { electronicFigures } from '../../shared/ballots/room-count.ts'
import { api, ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LightElement } from '../light-element.ts'
import { paths } from '../router.ts'
import './ballot-result.ts'
import { localVotes, type LocalVote } from './vote-store.ts'
import { subjectLabel } from '../i18n/subject-label.ts'

/**
 * A ballot's public board: every receipt with its choice (and name, for roll-call), a search for
 * one's own receipt, and, in the page and from the board alone: every receipt recomputed, duplicates
 * flagged, the count redone, and the votes this device cast found (by receipt, or by the device's
 * own nonce) with the choice it sent. The receipt to look for comes in the fragment, never the query.
 */
export class BoardPage extends LightElement {
  static override properties = { congress: { attribute: false }, ballotId: { attribute: false }, search: { state: true } }
  declare congress: CongressView
  declare ballotId: string
  declare search: string

  constructor() {
    super()
    this.search = new URLSearchParams(location.hash.slice(1)).get('receipt') ?? ''
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

  /** One vote this device cast: on the board with the choice sent, or loudly not; a proxy's says for whom. */
  private renderMine(entries: readonly BoardEntryView[], vote: LocalVote) {
    const m = t()
    const whose = vote.onBehalfOf === undefined ? nothing : html`<strong>${m.v.proxyVote(vote.onBehalfOf)}</strong> — `
    const entry = entries.find((e) => (vote.receipt !== undefined && e.receipt === vote.receipt) || (vote.deviceNonce !== undefined && deviceNonceOf(e.nonce) === vote.deviceNonce))
    // Only a vote the server acknowledged with a receipt must be there; one the close cut off may not.
    if (!entry) return vote.receipt === undefined ? nothing : html`<p class="error board-mine" role="alert">${whose}${m.v.boardMineMissing}</p>`
    if (entry.choice !== vote.choice) return html`<p class="error board-mine" role="alert">${whose}${m.v.boardMineWrong(m.v.choices[entry.choice])}</p>`
    return html`<p class="ok board-mine" role="status">✓ ${whose}${m.v.boardMine(m.v.choices[entry.choice])}</p>`
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
    // The board holds the phones' votes; a count in the room is the rest of the published result.
    const phones = ballot.result ? electronicFigures(ballot.result, ballot.room) : null
    const matches = phones !== null && recount.yes === phones.yes && recount.no === phones.no && recount.abstain === phones.abstain
    const { room } = ballot
    const rollCall = board?.secrecy === 'roll-call'
    const check = board ? checkBoard(ballot.id, board) : undefined
    return html`
      <nav aria-label=${m.breadcrumb} class="breadcrumb"><a href=${paths.congress(this.congress.id)}>${this.congress.title}</a> › <a href=${paths.vote(this.congress.id)}>${m.v.voteNav}</a></nav>
      <h1>${m.v.boardTitle(subjectLabel(ballot.subject))}</h1>
      ${!board
        ? html`<p>${m.v.boardNotYet}</p>`
        : html`
            <p>${m.v.boardIntro}</p>
            <plenum-ballot-result .ballot=${ballot}></plenum-ballot-result>
            ${room ? html`<p class="board-room">${m.v.boardRoom(room.yes, room.no, room.abstain)}</p>` : nothing}
            <p>${m.v.boardRecount(recount.yes, recount.no, recount.abstain)} <strong>${matches ? (room ? m.v.boardRecountWithRoom : m.v.boardRecountMatches) : m.v.boardRecountDiffers}</strong></p>
            ${check!.bad + check!.duplicates > 0
              ? html`<p class="error" role="alert">${m.v.boardInvalid(check!.bad, check!.duplicates)}</p>`
              : html`<p class="board-checked">${m.v.boardChecked(board.entries.length)}</p>`}
            ${localVotes.of(ballot.id).map((vote) => this.renderMine(board.entries, vote))}
            <p>${m.v.boardChainHead} <code class="hash">${board.chainHead}</code></p>
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

/** Entries whose receipt does not recompute, and receipts listed twice (by the server or as seen here). */
function checkBoard(ballotId: string, board: BoardView): { bad: number; duplicates: number } {
  const bad = board.entries.filter((e) => receiptFor(ballotId, e.choice, e.nonce) !== e.receipt).length
  const duplicates = new Set([...duplicateReceipts(board.entries), ...board.duplicates]).size
  return { bad, duplicates }
}

customElements.define('plenum-board-page', BoardPage)

declare global {
  interface HTMLElementTagNameMap {
    'plenum-board-page': BoardPage
  }
}
