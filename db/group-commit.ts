import type { CastOutcome, NewVote } from './vote-store.ts'

interface Pending {
  readonly vote: NewVote
  readonly settle: (outcome: CastOutcome) => void
  readonly fail: (error: unknown) => void
}

/**
 * The ballot box's group commit, whatever writes the batch: the first vote waits `windowMs` for
 * others, then the whole batch is handed to `write` with the second of the commit (coarse on purpose:
 * shared by the batch), and each caller's promise settles with its own outcome once `write` has.
 * `write` runs in the timer's own turn; on SQLite it commits before it returns.
 */
export function createGroupCommit(options: {
  readonly windowMs: number
  readonly clock: () => number
  readonly write: (votes: readonly NewVote[], castAt: number) => CastOutcome[] | Promise<CastOutcome[]>
}): { cast(vote: NewVote): Promise<CastOutcome>; flushWaiting(): void } {
  let queue: Pending[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const batch = queue
    queue = []
    if (batch.length === 0) return
    const castAt = Math.floor(options.clock() / 1000) * 1000
    let written: CastOutcome[] | Promise<CastOutcome[]>
    try {
      written = options.write(batch.map((p) => p.vote), castAt)
    } catch (error) {
      for (const p of batch) p.fail(error)
      return
    }
    Promise.resolve(written).then(
      (outcomes) => batch.forEach((p, i) => p.settle(outcomes[i]!)),
      (error: unknown) => batch.forEach((p) => p.fail(error)),
    )
  }

  return {
    cast: (vote) =>
      new Promise<CastOutcome>((settle, fail) => {
        queue.push({ vote, settle, fail })
        timer ??= setTimeout(flush, options.windowMs)
      }),
    /** Writes the batch waiting, if any, now (a close: it is refused, the ballot being closed). */
    flushWaiting: () => {
      if (timer !== undefined) flush()
    },
  }
}

/**
 * True the first time this process sees `actorId` refused for a right already used in a ballot:
 * the decision log records that once, not once per press of a button.
 */
export function createRefusalMemory(): (ballotId: string, representedId: string, actorId: string) => boolean {
  const refusals = new Set<string>()
  return (ballotId, representedId, actorId) => {
    const key = `${ballotId}|${representedId}|${actorId}`
    if (refusals.has(key)) return false
    refusals.add(key)
    return true
  }
}
