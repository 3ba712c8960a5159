import { describe, expect, test } from 'vitest'
import { newId } from '../../server/ids.ts'

describe('ids', () => {
  test('an id never starts with a dash, so it passes as a command-line argument (`--congress ID`)', () => {
    // One id in 64 did; 20,000 draws would meet about 300 of them.
    const ids = Array.from({ length: 20_000 }, newId)
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([])
    expect(ids.every((id) => /^[A-Za-z0-9_][A-Za-z0-9_-]{15}$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
