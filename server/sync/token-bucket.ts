/**
 * So many messages a second on average, and a burst of so many at once: refilled continuously by
 * the time elapsed, never above the burst. What a connection's awareness messages are held to.
 */
export class TokenBucket {
  private tokens: number
  private refilledAt: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.refilledAt = now
  }

  /** Takes one token if there is one: true when the message may go. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
