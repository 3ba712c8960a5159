/** The p-th percentile (0–100) by nearest rank: a value that was actually measured. */
export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted([...values].sort((a, b) => a - b), p)
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export interface Spread {
  readonly count: number
  readonly p50: number
  readonly p99: number
  readonly max: number
}

/** Sorts once: a fan-out run books readers × edits latencies, too many to spread into Math.max. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  return { count: sorted.length, p50: percentileOfSorted(sorted, 50), p99: percentileOfSorted(sorted, 99), max: sorted.at(-1) ?? Number.NaN }
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** "0.84×": how Plenum's figure compares with another's (lower is better for times and memory). */
export function ratio(ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return '—'
  return `${(ours / theirs).toFixed(2)}×`
}

/**
 * Latency bookkeeping for the fan-out: the writer stamps each edit with the time it was made; each
 * reader records, per edit, when it first saw it (ids name the reader and the edit). Edits never seen are counted, not ignored.
 */
export class LatencyBook {
  private readonly seen = new Map<string, number>()

  /** A reader saw edit `id`, stamped `sentAt`, at `now` (ms, same clock across processes). */
  saw(id: string, sentAt: number, now: number): void {
    if (!this.seen.has(id)) this.seen.set(id, Math.max(0, now - sentAt))
  }

  latencies(): number[] {
    return [...this.seen.values()]
  }

  missing(expected: number): number {
    return Math.max(0, expected - this.seen.size)
  }
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes of one machine. */
export function now(): number {
  return performance.timeOrigin + performance.now()
}
