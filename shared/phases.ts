/** The phases of a congress, in order. */
export const phases = ['setup', 'drafting', 'amendments', 'voting', 'frozen', 'delivered'] as const
export type Phase = (typeof phases)[number]

export function isPhase(value: string): value is Phase {
  return (phases as readonly string[]).includes(value)
}

/** The phases the bureau moves between freely; frozen and delivered are one-way, set by the seal. */
export const openPhases: readonly Phase[] = ['setup', 'drafting', 'amendments', 'voting']

export type PhaseChangeRefusal = 'same_phase' | 'one_way' | 'sealed'

/** Whether the bureau may move a congress from `from` to `to` by hand; why not, if not. */
export function checkPhaseChange(from: Phase, to: Phase): PhaseChangeRefusal | undefined {
  if (from === to) return 'same_phase'
  if (!openPhases.includes(from)) return 'sealed'
  if (!openPhases.includes(to)) return 'one_way'
  return undefined
}
