/**
 * A speaker's countdown, read on phones and the projector from the server's times: the speech's
 * start and the floor's `now` are the server's clock, so each page corrects its own clock by the
 * offset it measured when it read the floor. Pure: every page counts the same seconds.
 */

/**
 * How far the server's clock is ahead of this device's, in milliseconds: the server read `serverNow`
 * somewhere between sending the request (`sentAt`) and receiving its answer (`receivedAt`), so the
 * middle of the round trip is the best guess, wrong by at most half of it.
 */
export function clockOffset(serverNow: number, sentAt: number, receivedAt: number): number {
  return serverNow - (sentAt + Math.max(0, receivedAt - sentAt) / 2)
}

export interface SpeechClock {
  /** Whole seconds left, rounded up (a speech of 180 s shows 3:00 at its start); 0 once over. */
  readonly remaining: number
  /** Whole seconds past the time given, once over; 0 before. */
  readonly overtime: number
  /** Time used out of the time given, from 0 to 1. */
  readonly used: number
}

/** Where a speech started at `startedAt` (server time) with `speakingSeconds` stands at `deviceNow` corrected by `offset`. */
export function speechClock(startedAt: number, speakingSeconds: number, deviceNow: number, offset: number): SpeechClock {
  // A device whose clock runs a little ahead of the estimate must not show a speech as started before it was.
  const elapsed = Math.max(0, deviceNow + offset - startedAt)
  const left = speakingSeconds * 1000 - elapsed
  return {
    remaining: left > 0 ? Math.ceil(left / 1000) : 0,
    overtime: left < 0 ? Math.floor(-left / 1000) : 0,
    used: speakingSeconds > 0 ? Math.min(1, elapsed / (speakingSeconds * 1000)) : 1,
  }
}

/** "3:00", "0:07", "12:30": minutes and seconds, as a countdown shows them. */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** How long a speech lasted, in whole seconds (the minutes' figure); null while it goes on. */
export function speechSeconds(turn: { readonly startedAt: number | null; readonly endedAt: number | null }): number | null {
  return turn.startedAt === null || turn.endedAt === null ? null : Math.max(0, Math.round((turn.endedAt - turn.startedAt) / 1000))
}
