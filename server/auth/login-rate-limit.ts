/**
 * Counts failed code attempts per address, so codes cannot be guessed: past `maxFailures`
 * within `windowMs`, the address waits until its oldest failure leaves the window.
 */
export interface LoginRateLimit {
  /** Milliseconds to wait before trying again, or 0. */
  retryAfter(address: string, now: number): number
  failed(address: string, now: number): void
  succeeded(address: string): void
}

export function createLoginRateLimit(options: { maxFailures?: number; windowMs?: number; maxAddresses?: number } = {}): LoginRateLimit {
  const maxFailures = options.maxFailures ?? 10
  const windowMs = options.windowMs ?? 10 * 60_000
  const maxAddresses = options.maxAddresses ?? 10_000
  const failures = new Map<string, number[]>()

  const recent = (address: string, now: number): number[] => {
    const times = (failures.get(address) ?? []).filter((t) => now - t < windowMs)
    if (times.length === 0) failures.delete(address)
    else failures.set(address, times)
    return times
  }

  return {
    retryAfter(address, now) {
      const times = recent(address, now)
      return times.length >= maxFailures ? windowMs - (now - times[0]!) : 0
    },
    failed(address, now) {
      const times = recent(address, now)
      times.push(now)
      failures.set(address, times.slice(-maxFailures))
      // A flood of addresses must not grow memory without bound: forget the oldest.
      if (failures.size > maxAddresses) failures.delete(failures.keys().next().value!)
    },
    succeeded(address) {
      failures.delete(address)
    },
  }
}
