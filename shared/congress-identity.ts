/** What names a congress: shown on every page, printed on the motion, sealed in motion.json. */
export interface CongressIdentity {
  readonly id: string
  readonly title: string
  readonly edition: number
  readonly organisation: string
  readonly place: string
  readonly date: string
}
