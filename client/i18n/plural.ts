/** "1 proposition", "3 propositions": the count with the noun it agrees with, 1 alone singular. */
export const plural = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`)

/** The same where 0 is singular too, as French grammar has it ("0 amendement"). */
export const pluralUpToOne = (n: number, one: string, many: string): string => `${n} ${n <= 1 ? one : many}`
