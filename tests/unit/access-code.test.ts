import { describe, expect, test } from 'vitest'
import { newAccessCode, normalizeAccessCode } from '../../server/ids.ts'

describe('access codes', () => {
  test('are 12 characters of an unambiguous alphabet, in groups of four', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newAccessCode()))
    expect(codes.size).toBe(500)
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  })

  test.each([
    ['abcd-efgh-jkmn', 'ABCD-EFGH-JKMN'],
    ['ABCD EFGH JKMN', 'ABCD-EFGH-JKMN'],
    ['abcdefghjkmn', 'ABCD-EFGH-JKMN'],
    ['0OIL-1111-2222', '0011-1111-2222'],
    ['short', 'SH0RT'],
  ])('%j is read as %j', (typed, code) => {
    expect(normalizeAccessCode(typed)).toBe(code)
  })
})
