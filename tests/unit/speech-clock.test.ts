import { describe, expect, test } from 'vitest'
import { clockOffset, clockText, speechClock, speechSeconds } from '../../shared/floor/speech-clock.ts'

describe('a speaker’s countdown', () => {
  test.each([
    ['at the start: the whole time', 10_000, 180, 10_000, 0, { remaining: 180, overtime: 0, used: 0 }],
    ['a quarter of a second in: still the whole second shown', 10_000, 180, 10_250, 0, { remaining: 180, overtime: 0 }],
    ['one second in', 10_000, 180, 11_000, 0, { remaining: 179, overtime: 0 }],
    ['half-way', 0, 120, 60_000, 0, { remaining: 60, overtime: 0, used: 0.5 }],
    ['exactly over', 0, 60, 60_000, 0, { remaining: 0, overtime: 0, used: 1 }],
    ['twelve seconds past', 0, 60, 72_400, 0, { remaining: 0, overtime: 12, used: 1 }],
    ['a device 5 s behind the server, corrected', 10_000, 60, 15_000, 5_000, { remaining: 50, overtime: 0 }],
    ['a device ahead of the server: never before the start', 10_000, 60, 9_000, 0, { remaining: 60, overtime: 0, used: 0 }],
  ] as const)('%s', (_name, startedAt, seconds, deviceNow, offset, expected) => {
    expect(speechClock(startedAt, seconds, deviceNow, offset)).toMatchObject(expected)
  })

  test('the offset is the server’s clock against the middle of the round trip', () => {
    expect(clockOffset(1_000_500, 1_000, 2_000)).toBe(999_000)
    expect(clockOffset(5_000, 5_000, 5_000)).toBe(0)
    // A clock that stepped back during the request does not count a negative trip.
    expect(clockOffset(5_000, 5_000, 4_000)).toBe(0)
  })

  test.each([
    [180, '3:00'],
    [7, '0:07'],
    [750, '12:30'],
    [0, '0:00'],
    [-3, '0:00'],
    [59.9, '0:59'],
  ])('%s s reads %s', (seconds, text) => {
    expect(clockText(seconds)).toBe(text)
  })

  test('a speech’s length, for the minutes', () => {
    expect(speechSeconds({ startedAt: 1_000, endedAt: 95_600 })).toBe(95)
    expect(speechSeconds({ startedAt: 1_000, endedAt: null })).toBeNull()
    expect(speechSeconds({ startedAt: null, endedAt: null })).toBeNull()
  })
})
