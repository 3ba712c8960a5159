import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { Electorate, Tally } from '../../shared/ballots/tally-types.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { auditHash, genesisHash } from '../services/audit.ts'
import { boardChainHead, receiptFor } from '../services/ballot-receipts.ts'

export interface ResultsFile {
  ballots: { id: string; subject: { label: string }; rule: BallotRule; electorate: Electorate; result: Tally }[]
}
export interface BoardFile {
  ballots: { id: string; entries: { receipt: string; choice: Choice; nonce: string; name: string | null }[]; chainHead: string }[]
}
export interface AuditFile {
  entries: { seq: number; congressId: string; at: number; actorId: string | null; actorName: string; action: string; payload: string; prevHash: string; hash: string }[]
  head: string | null
}

/** What `ballot.closed` logged (commands/ballots/close-ballot.ts): the count and the board's chain head. */
interface ClosedPayload {
  ballotId?: unknown
  subject?: unknown
  yes?: unknown
  no?: unknown
  abstain?: unknown
  outcome?: unknown
  chainHead?: unknown
}

type Fail = (message: string) => never

/**
 * Every board against itself (each receipt recomputed from its choice and nonce, no receipt
 * twice, the chain head), every result recounted from its board, and every board and result
 * against what the decision log recorded when the ballot closed. Returns the summary lines.
 */
export function verifyBallots(results: ResultsFile, board: BoardFile, fail: Fail): string[] {
  const boards = new Map(board.ballots.map((b) => [b.id, b]))
  for (const b of board.ballots) if (!results.ballots.some((r) => r.id === b.id)) fail(`board.json: a board (${b.id}) for a ballot results.json does not have`)
  for (const ballot of results.ballots) {
    const label = ballot.subject.label
    const entries = boards.get(ballot.id)?.entries ?? fail(`board.json: no board for ballot ${label} (${ballot.id})`)
    const seen = new Set<string>()
    for (const entry of entries) {
      // A receipt listed twice would be one vote counted twice, or a receipt handed to two voters.
      if (seen.has(entry.receipt)) fail(`board.json: receipt ${entry.receipt.slice(0, 12)}… is on the board of ${label} twice`)
      seen.add(entry.receipt)
      if (receiptFor(ballot.id, entry.choice, entry.nonce) !== entry.receipt) fail(`board.json: receipt ${entry.receipt.slice(0, 12)}… of ${label} does not match its choice`)
    }
    if (boardChainHead(entries) !== boards.get(ballot.id)!.chainHead) fail(`board.json: the chain head of ${label} does not match its entries`)
    const recount = tally(ballot.rule, ballot.electorate, entries.map((e) => e.choice))
    if (canonicalJson(recount) !== canonicalJson(ballot.result)) fail(`results.json: ${label} does not recount from its board`)
  }
  return [`results.json: ${results.ballots.length} ballots recounted from board.json, no receipt twice`]
}

/** The decision log's chain, entry by entry, and its head. */
export function verifyAuditChain(audit: AuditFile, fail: Fail): string {
  let previous = genesisHash
  for (const e of audit.entries) {
    if (e.prevHash !== previous) fail(`audit.json: entry ${e.seq} does not follow the one before it`)
    const hash = auditHash({ congress_id: e.congressId, at: e.at, actor_id: e.actorId, actor_name: e.actorName, action: e.action, payload: e.payload, prev_hash: e.prevHash })
    if (hash !== e.hash) fail(`audit.json: entry ${e.seq} does not match its hash`)
    previous = e.hash
  }
  if ((audit.entries.at(-1)?.hash ?? null) !== audit.head) fail('audit.json: the head is not the last entry’s hash')
  return `audit.json: ${audit.entries.length} entries, chain holds`
}

/**
 * Each counted ballot against its `ballot.closed` entry: the board's chain head and the counts must
 * be the ones logged at the close, and every ballot the log closed must be in the bundle. A board
 * or a result rewritten after the close (even by whoever holds the seal's key) shows here, unless
 * the whole log was rewritten too.
 */
export function verifyClosings(results: ResultsFile, board: BoardFile, audit: AuditFile, fail: Fail): string {
  const closings = new Map<string, { seq: number; payload: ClosedPayload }>()
  for (const e of audit.entries) {
    if (e.action !== 'ballot.closed') continue
    let payload: ClosedPayload
    try {
      payload = JSON.parse(e.payload) as ClosedPayload
    } catch {
      return fail(`audit.json: ballot.closed entry ${e.seq} is not readable`)
    }
    const id = String(payload.ballotId)
    if (closings.has(id)) fail(`audit.json: ballot ${id} has two ballot.closed entries (${closings.get(id)!.seq} and ${e.seq})`)
    if (!results.ballots.some((b) => b.id === id)) fail(`results.json: the ballot closed in ballot.closed entry ${e.seq} (${String(payload.subject)}) is missing`)
    closings.set(id, { seq: e.seq, payload })
  }
  for (const ballot of results.ballots) {
    const label = ballot.subject.label
    const closing = closings.get(ballot.id) ?? fail(`audit.json: no ballot.closed entry for ${label}`)
    const { seq, payload } = closing
    const chainHead = board.ballots.find((b) => b.id === ballot.id)?.chainHead
    if (payload.chainHead !== chainHead) fail(`board.json: the board of ${label} is not the one logged at its close (ballot.closed entry ${seq})`)
    const { yes, no, abstain, outcome } = ballot.result
    if (payload.yes !== yes || payload.no !== no || payload.abstain !== abstain || payload.outcome !== outcome) {
      fail(`results.json: the count of ${label} is not the one logged at its close (ballot.closed entry ${seq})`)
    }
  }
  return `audit.json: ${results.ballots.length} ballots match their ballot.closed entries (chain heads and counts)`
}
