import { describe, expect, test } from 'vitest'
import { cpuSeconds, rssBytes, startChild } from '../bench/child.ts'
import { LatencyBook, median, percentile, ratio, spread } from '../bench/stats.ts'

describe('benchmark bookkeeping', () => {
  test('percentiles by nearest rank return measured values', () => {
    const values = [15, 20, 35, 40, 50]
    expect(percentile(values, 0)).toBe(15)
    expect(percentile(values, 30)).toBe(20)
    expect(percentile(values, 50)).toBe(35)
    expect(percentile(values, 99)).toBe(50)
    expect(percentile(values, 100)).toBe(50)
    expect(percentile([], 50)).toBeNaN()
    expect(median([3, 1, 2])).toBe(2)
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(spread(hundred)).toEqual({ count: 100, p50: 50, p99: 99, max: 100 })
  })

  test('ratios say how Plenum compares, and say nothing for missing figures', () => {
    expect(ratio(84, 100)).toBe('0.84×')
    expect(ratio(1, 0)).toBe('—')
    expect(ratio(Number.NaN, 3)).toBe('—')
  })

  test('latency is booked once per edit, from its stamp, and unseen edits are counted', () => {
    const book = new LatencyBook()
    book.saw('e0', 1000, 1012)
    book.saw('e0', 1000, 1500) // a second client of the same process saw it later: not booked again
    book.saw('e1', 2000, 2003)
    book.saw('e2', 3000, 2999) // clocks of two processes a hair apart: never negative
    expect(book.latencies().sort((a, b) => a - b)).toEqual([0, 3, 12])
    expect(book.missing(5)).toBe(2)
  })

  test('a child process starts, reports its memory and CPU, and stops', async () => {
    const child = await startChild('-e', [], { ready: /^HELLO (.*)$/ }).catch(() => undefined)
    expect(child).toBeUndefined() // '-e' is not a script: the start fails with its output, it does not hang
    const script = new URL('../bench/fixtures/idle-child.mjs', import.meta.url).pathname
    const idle = await startChild(script, ['7'], { ready: /^READY (.*)$/ })
    expect(idle.ready).toEqual({ argument: '7' })
    expect(rssBytes(idle.pid)).toBeGreaterThan(1024 * 1024)
    expect(cpuSeconds(idle.pid)).toBeGreaterThanOrEqual(0)
    await idle.stop()
    expect(idle.process.exitCode !== null || idle.process.signalCode !== null).toBe(true)
  })
})
