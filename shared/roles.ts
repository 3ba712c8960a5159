export const roles = ['attendee', 'delegate', 'bureau', 'advisor'] as const
export type Role = (typeof roles)[number]

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}

/** Who takes part in the congress's votes: everyone but advisors. */
export const votingRoles = ['attendee', 'delegate', 'bureau'] as const satisfies readonly Role[]
