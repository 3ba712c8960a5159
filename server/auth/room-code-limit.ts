import { createLoginRateLimit, type LoginRateLimit } from './login-rate-limit.ts'

/** Wrong room codes, counted per participant (the check-in command reads and feeds it). */
export type RoomCodeLimit = LoginRateLimit

/** Six digits are quick to type and quick to guess: a participant gets a few tries a minute. */
export function createRoomCodeLimit(): RoomCodeLimit {
  return createLoginRateLimit({ maxFailures: 5, windowMs: 60_000 })
}
