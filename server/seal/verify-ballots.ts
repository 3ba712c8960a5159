import type { BallotRule, Choice } from '../../shared/ballots/ballot-rule.ts'
import { countingMethod, countsOfNames, electronicFigures, roomCountExcess, type CountingMethod } from '../../shared/ballots/room-count.ts'
import { tally } from '../../shared/ballots/tally.ts'
import type { ChoiceCounts, Electorate, Tally } from '../../shared/ballots/tally-types.ts'
import { canonicalJson } from '../../shared/canonical-json.ts'
import { auditHash, genesisHash } from '../services/audit.ts'
import { boardChainHead, receiptFor } from '../services/ballot-receipts.ts'

/** A count in the room as results.json carries it (bundles sealed before show of hands have none). */
export interface SealedRoomFile extends ChoiceCounts {
  names: { participantId: string; name: string; choice: Choice }[] | null
}
export interface ResultsFile {
  ballots: { id: string; subject: { label: string }; rule: BallotRule; electorate: Electorate; result: Tally; counting?: CountingMethod; electronic?: ChoiceCounts; room?: SealedRoomFile | null }[]
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

/** What `ballot.room_counted` logged (commands/ballots/record-room-count.ts). */
interface RoomCountedPayload extends ClosedPayload {
  room?: unknown
  names?: unknown
}

type Fail = (message: string) => never

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0
const sameCounts = (a: ChoiceCounts, b: ChoiceCounts) => a.yes === b.yes && a.no === b.no && a.abstain === b.abstain

/**
 * A ballot's count in the room against itself and its board: counts, names that add up to them
 * (roll-call only, each once), phones and room within the votes the list allowed.
 */
function checkRoom(ballot: ResultsFile['ballots'][number], electronicCast: number, fail: Fail): SealedRoomFile | null {
  const label = ballot.subject.label
  const room = ballot.room ?? null
  if (!room) return null
  if (ballot.counting === undefined) fail(`results.json: ${label} has a count in the room but no counting mark`)
  if (![room.yes, room.no, room.abstain].every(isCount)) fail(`results.json: the count in the room of ${label} is not made of counts`)
  if (ballot.rule.secrecy === 'roll-call') {
    const names = room.names ?? fail(`results.json: the count in the room of roll-call ballot ${label} has no names`)
    if (new Set(names.map((n) => n.participantId)).size !== names.length) fail(`results.json: a name is counted twice in the room for ${label}`)
    if (!sameCounts(countsOfNames(names), room)) fail(`results.json: the names counted in the room for ${label} do not add up to its count`)
  } else if (room.names !== null) fail(`results.json: the secret ballot ${label} names people counted in the room`)
  if (roomCountExcess(ballot.electorate, electronicCast, room) > 0) fail(`results.json: ${label} counts more votes, on phones and in the room, than its list allowed`)
  return room
}

/**
 * Every board against itself (each receipt recomputed from its choice and nonce, no receipt
 * twice, the chain head), every result recounted from its board, and every board and result
 * against what the decision log recorded when the ballot closed. Returns the summary lines.
 */
export function verifyBallots(results: ResultsFile, board: BoardFile, fail: Fail): string[] {
  const boards = new Map(board.ballots.map((b) => [b.id, b]))
  let counted = 0
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
    const room = checkRoom(ballot, entries.length, fail)
    if (room) counted += 1
    const recount = tally(ballot.rule, ballot.electorate, entries.map((e) => e.choice), room)
    if (canonicalJson(recount) !== canonicalJson(ballot.result)) fail(`results.json: ${label} does not recount from its board${room ? ' and its count in the room' : ''}`)
    // Once it recounts, the mark says which of phones and room the count came from.
    if (ballot.counting !== undefined && ballot.counting !== countingMethod(ballot.result, room)) fail(`results.json: ${label} is not marked as it was counted`)
  }
  const inRoom = counted > 0 ? ` (${counted} with a count in the room)` : ''
  return [`results.json: ${results.ballots.length} ballots recounted from board.json${inRoom}, no receipt twice`]
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
  // The last count in the room logged for each ballot: a new count replaces the one before.
  const roomCounts = new Map<string, { seq: number; payload: RoomCountedPayload }>()
  for (const e of audit.entries) {
    if (e.action !== 'ballot.closed' && e.action !== 'ballot.room_counted') continue
    let payload: RoomCountedPayload
    try {
      payload = JSON.parse(e.payload) as RoomCountedPayload
    } catch {
      return fail(`audit.json: ${e.action} entry ${e.seq} is not readable`)
    }
    const id = String(payload.ballotId)
    if (e.action === 'ballot.room_counted') {
      // Counted in the room once the phones' count was closed, never before.
      if (!closings.has(id)) fail(`audit.json: ballot.room_counted entry ${e.seq} (${String(payload.subject)}) comes before its ballot was closed`)
      roomCounts.set(id, { seq: e.seq, payload })
      continue
    }
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
    // At the close the log has the phones' count; a count in the room, logged after, changes the result.
    const room = ballot.room ?? null
    const phones = electronicFigures(ballot.result, room)
    const { yes, no, abstain } = phones
    // The phones' figures results.json states apart must be those too.
    const stated = ballot.electronic ?? phones
    if (!sameCounts(stated, phones) || payload.yes !== yes || payload.no !== no || payload.abstain !== abstain || (!room && payload.outcome !== ballot.result.outcome)) {
      fail(`results.json: the count of ${label} is not the one logged at its close (ballot.closed entry ${seq})`)
    }
    const counted = roomCounts.get(ballot.id)
    if (!room && !counted) continue
    if (!room || !counted) {
      fail(room ? `audit.json: no ballot.room_counted entry for the count in the room of ${label}` : `results.json: the count in the room of ${label} (ballot.room_counted entry ${counted!.seq}) is missing`)
    }
    const logged = counted.payload
    const loggedRoom = (logged.room ?? {}) as Partial<ChoiceCounts>
    const sameRoom = loggedRoom.yes === room.yes && loggedRoom.no === room.no && loggedRoom.abstain === room.abstain && canonicalJson(logged.names ?? null) === canonicalJson(room.names)
    const sameResult = logged.yes === ballot.result.yes && logged.no === ballot.result.no && logged.abstain === ballot.result.abstain && logged.outcome === ballot.result.outcome
    if (!sameRoom || !sameResult) fail(`results.json: the count in the room of ${label} is not the one logged (ballot.room_counted entry ${counted.seq})`)
  }
  for (const [id, counted] of roomCounts) {
    if (!results.ballots.some((b) => b.id === id)) fail(`results.json: the ballot counted in the room in ballot.room_counted entry ${counted.seq} (${String(counted.payload.subject)}) is missing`)
  }
  const inRoom = roomCounts.size > 0 ? ` and ${roomCounts.size} counts in the room` : ''
  return `audit.json: ${results.ballots.length} ballots match their ballot.closed entries (chain heads and counts)${inRoom}`
}
