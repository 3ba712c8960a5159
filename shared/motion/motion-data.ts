import type { BallotOutcome, ChoiceCounts } from '../ballots/tally-types.ts'
import type { ParagraphChange } from '../amendments/paragraph-changes.ts'
import type { LineRange } from '../amendments/text-diff.ts'
import type { CongressIdentity } from '../congress-identity.ts'

/** How a text fared in its last published ballot. */
export interface VoteSummary {
  readonly yes: number
  readonly no: number
  readonly abstain: number
  readonly expressed: number
  readonly entitled: number
  readonly outcome: BallotOutcome
  /** ISO date-time the result was published. */
  readonly publishedAt: string
  /** What of the counts above the bureau counted in the room (show of hands); null: all on phones. */
  readonly room: ChoiceCounts | null
  /** Put to the vote in one block with these proposals or amendments (their labels, this one's among them); null: alone. */
  readonly block: { readonly kind: 'proposal' | 'amendment'; readonly labels: readonly string[] } | null
  /** Voted by division first: each part's vote, in order (a part rejected was cut from the text); null: whole at once. */
  readonly division: readonly DivisionPart[] | null
}

/** A part of a proposal voted apart (*vote par division*): "§ 2, 3" and its outcome. */
export interface DivisionPart {
  readonly label: string
  readonly outcome: BallotOutcome
}

export interface MotionProposal {
  readonly number: number
  readonly title: string
  readonly paragraphs: readonly string[]
  readonly outcome: 'adopted' | 'rejected' | null
  readonly votes: VoteSummary | null
}

export interface MotionTheme {
  readonly position: number
  readonly title: string
  readonly proposals: readonly MotionProposal[]
}

export interface MergedAmendment {
  readonly label: string
  /** Null for the preamble. */
  readonly proposalNumber: number | null
  /** A sub-amendment: the label of the amendment whose text it changed; null when it changed the motion's own text. */
  readonly amends: string | null
  readonly mergedAt: string
  readonly votes: VoteSummary | null
  /** The printed lines it changed, numbered as its text stood just before the merge (what the assembly read). */
  readonly lines: readonly LineRange[]
  /** What it changed, run by run of paragraphs, with the words before and after. */
  readonly changes: readonly ParagraphChange[]
  /** Its exposé des motifs, as its authors left it (it no longer changes once merged). */
  readonly justification: string
}

/**
 * Everything the frozen motion says, and nothing that could differ between two renderings of the
 * same frozen data: no clock, no random order. Every format is rendered from this.
 */
export interface MotionData {
  readonly format: 'plenum-motion/1'
  readonly congress: CongressIdentity
  /** ISO date-time of the freeze: the motion's date, and the PDF's creation date. */
  readonly frozenAt: string
  readonly preamble: readonly string[]
  readonly themes: readonly MotionTheme[]
  readonly motionVotes: VoteSummary | null
  readonly amendmentsMerged: readonly MergedAmendment[]
}

/** The proposals the motion carries: adopted ones; the others are listed apart with their outcome. */
export function isCarried(proposal: MotionProposal): boolean {
  return proposal.outcome === 'adopted'
}

export const outcomeNames: Record<BallotOutcome, string> = { adopted: 'adoptée', rejected: 'rejetée', 'no-quorum': 'quorum non atteint' }

/** A part's outcome, said of its paragraphs. */
const outcomePartNames: Record<BallotOutcome, string> = { adopted: 'adopté', rejected: 'rejeté', 'no-quorum': 'quorum non atteint' }

export function votesLine(votes: VoteSummary): string {
  const { room } = votes
  const inRoom = room ? ` ; compté en salle : pour ${room.yes}, contre ${room.no}, abstentions ${room.abstain}` : ''
  const block = votes.block ? `Vote en bloc ${votes.block.kind === 'proposal' ? 'des propositions' : 'des amendements'} ${votes.block.labels.map((l) => l.replace(/^Proposition /, '')).join(', ')} — ` : ''
  const division = votes.division
    ? `Vote par division : ${votes.division.map((p) => `${p.label} ${p.outcome === 'rejected' ? 'rejeté, retiré du texte' : outcomePartNames[p.outcome]}`).join(' ; ')} ; puis sur l’ensemble — `
    : ''
  return `${block}${division}Pour ${votes.yes}, contre ${votes.no}, abstentions ${votes.abstain} (suffrages exprimés ${votes.expressed}, inscrits ${votes.entitled}${inRoom}) : ${outcomeNames[votes.outcome]}`
}

/** "22 novembre 2026", from an ISO date, without the host's locale or time zone. */
export function frenchDate(iso: string): string {
  const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number)
  return `${day === 1 ? '1er' : day} ${months[(month ?? 1) - 1]} ${year}`
}
