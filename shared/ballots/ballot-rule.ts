
/** The options every ballot offers. */
export const choices = ['yes', 'no', 'abstain'] as const
export type Choice = (typeof choices)[number]

export function isChoice(value: unknown): value is Choice {
  return typeof value === 'string' && (choices as readonly string[]).includes(value)
}

/**
 * simple: more yes than no; absolute: yes over half of the base; two-thirds and three-fifths: yes at
 * least that share of the base.
 */
export const majorities = ['simple', 'absolute', 'two-thirds', 'three-fifths'] as const
export type Majority = (typeof majorities)[number]

/**
 * What the majority is a share of: votes expressed (yes + no, the French default), votes cast
 * (abstentions included), voters present or represented when the ballot opened, entitled voters.
 */
export const majorityBases = ['expressed', 'cast', 'present', 'entitled'] as const
export type MajorityBase = (typeof majorityBases)[number]

/** Reached by voters present or represented when the ballot opens. */
export type Quorum =
  | { readonly kind: 'none' }
  | { readonly kind: 'count'; readonly count: number }
  /** A share of entitled voters, in (0, 1]. */
  | { readonly kind: 'share'; readonly share: number }

export const secrecies = ['secret', 'roll-call'] as const
export type Secrecy = (typeof secrecies)[number]

export interface ProxyRule {
  readonly allowed: boolean
  /** Proxies one holder may carry (pouvoirs), 1 by default. */
  readonly maxPerHolder: number
}

/** A ballot's rule: data, fixed once the ballot opens. */
export interface BallotRule {
  readonly majority: Majority
  readonly base: MajorityBase
  readonly quorum: Quorum
  readonly secrecy: Secrecy
  readonly proxies: ProxyRule
}

export const defaultBallotRule: BallotRule = {
  majority: 'simple',
  base: 'expressed',
  quorum: { kind: 'none' },
  secrecy: 'secret',
  proxies: { allowed: true, maxPerHolder: 1 },
}

export const maxProxiesPerHolder = 10

