import type { AmendmentCounts, MotionTextStatus, MotionView } from '../shared/api-types.ts'
import type { BallotOutcome } from '../shared/ballots/tally-types.ts'
import type { CongressIdentity } from '../shared/congress-identity.ts'
import { isJsonObject, type JsonFields } from '../shared/json-value.ts'

/**
 * What the motion's page draws, from either source: the motion as it stands (MotionView, live) or
 * as it was sealed (the bundle's motion.json). One drawing for both, so the advisor reads the
 * sealed motion as everyone read it live.
 */
export interface MotionDisplay {
  readonly congress: CongressIdentity
  readonly status: MotionTextStatus
  /** The sealed motion's own ballot; null when live, or never voted. */
  readonly votes: DisplayVotes | null
  readonly preamble: DisplayText
  readonly questions: readonly DisplayQuestion[]
  /** Live: proposals link to their pages and every amendment is counted; sealed: the merged ones only. */
  readonly sealed: boolean
}

export interface DisplayVotes {
  readonly yes: number
  readonly no: number
  readonly abstain: number
  readonly outcome: BallotOutcome
}

export interface DisplayText {
  readonly paragraphs: readonly string[]
  /** Live: every amendment by status. Sealed: only how many were adopted and merged (what the seal records). */
  readonly amendments: { readonly kind: 'all'; readonly counts: AmendmentCounts } | { readonly kind: 'merged'; readonly count: number }
}

export interface DisplayProposal extends DisplayText {
  readonly number: number
  readonly title: string
  readonly status: MotionTextStatus
  readonly votes: DisplayVotes | null
}

export interface DisplayQuestion {
  readonly key: string
  readonly position: number
  readonly title: string
  readonly proposals: readonly DisplayProposal[]
}

export function liveDisplay(view: MotionView): MotionDisplay {
  const { id, title, edition, organisation, place, date } = view
  return {
    congress: { id, title, edition, organisation, place, date },
    status: view.status,
    votes: null,
    sealed: false,
    preamble: { paragraphs: view.preamble.paragraphs, amendments: { kind: 'all', counts: view.preamble.amendments } },
    questions: view.questions.map((q) => ({
      key: q.id,
      position: q.position,
      title: q.title,
      proposals: q.proposals.map((p) => ({ number: p.number, title: p.title, status: p.status, votes: null, paragraphs: p.paragraphs, amendments: { kind: 'all', counts: p.amendments } })),
    })),
  }
}

// motion.json is read field by field: a file that is not the motion this page knows shows nothing rather than half of it.
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isText = (v: unknown): v is string => typeof v === 'string'
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText)
const outcomes: readonly BallotOutcome[] = ['adopted', 'rejected', 'no-quorum']

function votesOf(value: unknown): DisplayVotes | null | undefined {
  if (value === null) return null
  if (!isJsonObject(value)) return undefined
  const { yes, no, abstain, outcome } = value
  return isCount(yes) && isCount(no) && isCount(abstain) && typeof outcome === 'string' && (outcomes as readonly string[]).includes(outcome) ? { yes, no, abstain, outcome: outcome as BallotOutcome } : undefined
}

const statusOf = (outcome: unknown): MotionTextStatus | undefined => (outcome === 'adopted' || outcome === 'rejected' ? outcome : outcome === null ? 'not-voted' : undefined)

function proposalOf(value: unknown, merged: (n: number | null) => number): DisplayProposal | undefined {
  if (!isJsonObject(value)) return undefined
  const { number, title, paragraphs, outcome } = value
  const status = statusOf(outcome)
  const votes = votesOf(value.votes)
  if (!isCount(number) || !isText(title) || !isTexts(paragraphs) || !status || votes === undefined) return undefined
  return { number, title, paragraphs, status, votes, amendments: { kind: 'merged', count: merged(number) } }
}

function identityOf(value: JsonFields): CongressIdentity | undefined {
  const { id, title, edition, organisation, place, date } = value
  return isText(id) && isText(title) && isCount(edition) && isText(organisation) && isText(place) && isText(date) ? { id, title, edition, organisation, place, date } : undefined
}

/** The sealed motion (the bundle's motion.json, format plenum-motion/1) as the page draws it; undefined if it is not one. */
export function sealedDisplay(json: unknown): MotionDisplay | undefined {
  if (!isJsonObject(json) || json.format !== 'plenum-motion/1' || !isJsonObject(json.congress) || !isTexts(json.preamble) || !Array.isArray(json.themes) || !Array.isArray(json.amendmentsMerged)) return undefined
  const congress = identityOf(json.congress)
  const votes = votesOf(json.motionVotes)
  if (!congress || votes === undefined) return undefined
  const mergedOn = new Map<number | null, number>()
  for (const amendment of json.amendmentsMerged) {
    if (!isJsonObject(amendment) || !(amendment.proposalNumber === null || isCount(amendment.proposalNumber))) return undefined
    // A sub-amendment went into its amendment, which went into the text: the text counts the amendment once.
    if (typeof amendment.amends === 'string') continue
    mergedOn.set(amendment.proposalNumber, (mergedOn.get(amendment.proposalNumber) ?? 0) + 1)
  }
  const merged = (n: number | null) => mergedOn.get(n) ?? 0
  const questions: DisplayQuestion[] = []
  for (const theme of json.themes) {
    if (!isJsonObject(theme) || !isCount(theme.position) || !isText(theme.title) || !Array.isArray(theme.proposals)) return undefined
    const proposals = theme.proposals.map((p) => proposalOf(p, merged))
    if (proposals.some((p) => p === undefined)) return undefined
    questions.push({ key: `question-${theme.position}`, position: theme.position, title: theme.title, proposals: proposals as DisplayProposal[] })
  }
  return {
    congress,
    status: votes?.outcome === 'adopted' || votes?.outcome === 'rejected' ? votes.outcome : 'not-voted',
    votes,
    sealed: true,
    preamble: { paragraphs: json.preamble, amendments: { kind: 'merged', count: merged(null) } },
    questions,
  }
}
