/**
 * The bureau's opinion on an amendment (*avis*), given before it is put to the vote and shown with
 * it everywhere: favourable, unfavourable, the assembly's wisdom (*sagesse*: the bureau leaves it
 * to the vote), or a request that its authors withdraw it.
 */
export const bureauOpinions = ['favorable', 'unfavorable', 'wisdom', 'withdrawal_requested'] as const
export type BureauOpinion = (typeof bureauOpinions)[number]

export function isBureauOpinion(value: unknown): value is BureauOpinion {
  return typeof value === 'string' && (bureauOpinions as readonly string[]).includes(value)
}

/** Each opinion as the floor says it (French: the server's audit and the French client). */
export const bureauOpinionNames: Record<BureauOpinion, string> = {
  favorable: 'Favorable',
  unfavorable: 'Défavorable',
  wisdom: 'Sagesse de l’assemblée',
  withdrawal_requested: 'Demande de retrait',
}
