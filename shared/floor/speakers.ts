/**
 * The list of speakers on the item under debate: who speaks next. Points of order jump the queue;
 * then, with the bureau's two switches (both on by default), those who have not yet spoken on the
 * item before those who have, and *pour* and *contre* in turn. Pure: the bureau's screen, the
 * phones and the minutes read the same order.
 */

/** Why someone asks for the floor: to speak for, against, or on a point of order (*rappel au règlement*). */
export const floorStances = ['for', 'against', 'order'] as const
export type FloorStance = (typeof floorStances)[number]

/** Where a request stands: waiting its turn, its speaker speaking, spoken, or withdrawn by who asked. */
export const floorRequestStatuses = ['waiting', 'speaking', 'spoken', 'withdrawn'] as const
export type FloorRequestStatus = (typeof floorRequestStatuses)[number]

export function isFloorStance(value: unknown): value is FloorStance {
  return typeof value === 'string' && (floorStances as readonly string[]).includes(value)
}

/** A speaker's time unless the bureau sets another: three minutes. */
export const defaultSpeakingSeconds = 180

export interface FloorRequest {
  readonly id: string
  readonly participantId: string
  readonly stance: FloorStance
  /** When it was asked: the queue's first order. */
  readonly askedAt: number
}

/** Someone who already had the floor on this item, in the order they spoke. */
export interface SpokenTurn {
  readonly participantId: string
  readonly stance: FloorStance
}

export interface SpeakerRules {
  /** *Pour* and *contre* in turn, as long as both sides have someone waiting. */
  readonly alternate: boolean
  /** Those who have not spoken on the item yet before those who have. */
  readonly firstTimersFirst: boolean
}

export const defaultSpeakerRules: SpeakerRules = { alternate: true, firstTimersFirst: true }

/** The waiting requests in the order the floor will be given. */
export function speakersQueue(waiting: readonly FloorRequest[], spoken: readonly SpokenTurn[], rules: SpeakerRules = defaultSpeakerRules): FloorRequest[] {
  const byTime = [...waiting].sort((a, b) => a.askedAt - b.askedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const pointsOfOrder = byTime.filter((r) => r.stance === 'order')
  const spokeBefore = new Set(spoken.filter((turn) => turn.stance !== 'order').map((turn) => turn.participantId))
  const debate = byTime.filter((r) => r.stance !== 'order')
  const ranked = rules.firstTimersFirst ? [...debate.filter((r) => !spokeBefore.has(r.participantId)), ...debate.filter((r) => spokeBefore.has(r.participantId))] : debate
  if (!rules.alternate) return [...pointsOfOrder, ...ranked]
  const sides: Record<'for' | 'against', FloorRequest[]> = { for: ranked.filter((r) => r.stance === 'for'), against: ranked.filter((r) => r.stance === 'against') }
  const lastStance = spoken.filter((turn) => turn.stance !== 'order').at(-1)?.stance
  // The side that did not speak last opens; with no one heard yet, the first in the queue does.
  let next: 'for' | 'against' = lastStance === 'for' ? 'against' : lastStance === 'against' ? 'for' : ((ranked[0]?.stance as 'for' | 'against' | undefined) ?? 'for')
  const ordered: FloorRequest[] = []
  while (sides.for.length > 0 || sides.against.length > 0) {
    const side = sides[next].length > 0 ? next : next === 'for' ? 'against' : 'for'
    ordered.push(sides[side].shift()!)
    next = side === 'for' ? 'against' : 'for'
  }
  return [...pointsOfOrder, ...ordered]
}
