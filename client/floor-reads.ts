import { Task } from '@lit/task'
import type { ReactiveControllerHost } from 'lit'
import type { AmendmentView, BallotView, CongressView, FloorView } from '../shared/api-types.ts'
import { floorAmendments } from '../shared/floor/floor-amendments.ts'
import { followedOrder, nextVote, type DebatedText, type NextVote } from '../shared/floor/next-vote.ts'
import { runningOrder, type RunningOrder } from '../shared/floor/running-order.ts'
import { clockOffset } from '../shared/floor/speech-clock.ts'
import { api } from './api.ts'
import { t } from './i18n/index.ts'
import { subjectLabel } from './i18n/subject-label.ts'

/** The floor as read, with how far the server's clock is from this device's (for the countdown). */
export interface FloorReading {
  readonly view: FloorView
  readonly offset: number
}

export async function readFloor(congressId: string): Promise<FloorReading> {
  const sentAt = Date.now()
  const view = await api.floor(congressId)
  return { view, offset: clockOffset(view.now, sentAt, Date.now()) }
}

/** The item under debate with its votes: the running order the phones, the projector and the bureau follow, and what comes next. */
export interface DebateItem {
  readonly docName: string
  /** Its amendments and their sub-amendments, by id (the order's ids among them). */
  readonly amendments: ReadonlyMap<string, AmendmentView>
  /** Those that fell when another was adopted: not put to the vote. */
  readonly fallen: readonly AmendmentView[]
  /** The last vote on the text or one of its amendments whose result is published. */
  readonly lastResult: BallotView | undefined
  readonly order: RunningOrder
  readonly byBureau: boolean
  readonly ballots: readonly BallotView[]
  readonly next: NextVote<BallotView>
}

/**
 * "Préambule", "Proposition 12 — Le très haut débit", and with `amendment` (the item narrowed to its
 * discussion commune) "… — discussion commune sur P12-A3"; the bare name when the text is not found.
 */
export function debateTitle(congress: CongressView, docName: string, amendment?: { readonly label: string } | null): string {
  const m = t()
  const proposal = congress.proposals.find((p) => p.docName === docName)
  const text = docName === congress.preambleDocName ? m.preamble : proposal ? `${m.proposalLabel(proposal.number)} — ${proposal.title}` : docName
  return amendment ? `${text} — ${m.f.commonDiscussionOn(amendment.label)}` : text
}

/** Reads the item's amendments, its order of votes and the congress's ballots. */
export async function readDebate(congress: CongressView, docName: string): Promise<DebateItem> {
  const proposal = congress.proposals.find((p) => p.docName === docName)
  const [listed, ballots] = await Promise.all([proposal ? api.proposalAmendments(proposal.id) : api.amendments(congress.id), api.ballots(congress.id)])
  // The text's amendments and their sub-amendments (whose target is their parent's text).
  const ofText = new Set(listed.amendments.filter((a) => a.targetDocName === docName).map((a) => a.id))
  const views = listed.amendments.filter((a) => ofText.has(a.id) || (a.parentId !== null && ofText.has(a.parentId)))
  const { order, byBureau } = followedOrder(runningOrder(floorAmendments(views, docName)), listed.voteOrders[docName])
  const subjects = new Set([...views.map((v) => v.id), ...(proposal ? [proposal.id] : [])])
  // The proposal's outcome, as the congress said it or as a published ballot on it decided (a part's vote decides only the part).
  const decided = proposal ? ballots.ballots.find((b) => b.subject.kind === 'proposal' && b.subject.id === proposal.id && b.subject.part === null && b.status === 'published' && b.result && b.result.outcome !== 'no-quorum') : undefined
  const text: DebatedText = proposal
    ? { kind: 'proposal', id: proposal.id, outcome: proposal.outcome ?? (decided?.result?.outcome === 'adopted' || decided?.result?.outcome === 'rejected' ? decided.result.outcome : null) }
    : { kind: 'preamble' }
  return {
    docName,
    amendments: new Map(views.map((v) => [v.id, v])),
    fallen: views.filter((v) => v.status === 'fallen'),
    lastResult: ballots.ballots.filter((b) => b.status === 'published' && b.subject.id !== null && subjects.has(b.subject.id)).sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0)).at(-1),
    order,
    byBureau,
    ballots: ballots.ballots,
    next: nextVote(order, text, ballots.ballots),
  }
}

/** How the next vote is named: "P2-A2", "Proposition 2, ainsi amendée". */
export function nextVoteLabel(item: DebateItem, congress: CongressView): string | null {
  const { next } = item
  if (next.kind === 'amendment') return item.amendments.get(next.ids[0]!)?.label ?? null
  if (next.kind === 'proposal') {
    // A part or a block made for it says what it puts to the vote.
    if (next.ballot && (next.ballot.subject.part || next.ballot.subject.block)) return subjectLabel(next.ballot.subject)
    const proposal = congress.proposals.find((p) => p.id === next.id)
    return proposal ? t().f.textAsAmended(t().proposalLabel(proposal.number)) : null
  }
  return null
}

/** What a page that follows the floor is given: the congress and the live revisions that make it read again. */
export interface FloorRevisions {
  readonly floor: number
  /** Amendments filed, ruled, decided or merged (CongressLive's amendmentStepsRevision). */
  readonly amendments: number
  readonly ballots: number
}

/**
 * The two reads a page following the floor holds: the floor (again at every 'floor' event) and the
 * item under debate with its votes (again when the item, its amendments or the ballots change).
 */
export function followFloor(host: ReactiveControllerHost, inputs: () => { readonly congress: CongressView; readonly revisions: FloorRevisions }) {
  const floor = new Task(host, {
    task: ([congressId]: readonly [string, number]) => readFloor(congressId),
    args: () => [inputs().congress.id, inputs().revisions.floor] as const,
  })
  const debate = new Task(host, {
    task: ([congress, docName]: readonly [CongressView, string | null, number, number]) => (docName ? readDebate(congress, docName) : Promise.resolve(undefined)),
    args: () => [inputs().congress, floor.value?.view.debateDoc ?? null, inputs().revisions.amendments, inputs().revisions.ballots] as const,
  })
  return {
    floor,
    /** The item under debate as last read, if it is still the one under debate. */
    item: (): DebateItem | undefined => {
      const value = debate.value
      return value && value.docName === floor.value?.view.debateDoc ? value : undefined
    },
  }
}
