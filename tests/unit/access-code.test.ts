import { describe, expect, test } from 'vitest'
import { deviceLabel } from '../../server/auth/device-label.ts'
import { createSignInLimit } from '../../server/auth/sign-in-limit.ts'
import { wrongCode } from '../helpers/wrong-code.ts'
import { hashAccessCode, newAccessCode, normalizeAccessCode } from '../../server/ids.ts'
import { codeFromScan, joinLink } from '../../server/services/join-link.ts'


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

describe('what is kept of a code: its hash, the same however it is typed', () => {
  test.each([['abcd efgh jkmn'], ['ABCD-EFGH-JKMN'], ['abcdefghjkmn'], [' AbCd-EfGh-JkMn ']])('%j', (typed) => {
    expect(hashAccessCode(typed)).toBe(hashAccessCode('ABCD-EFGH-JKMN'))
  })

  test('is not the code, and differs from code to code', () => {
    expect(hashAccessCode('ABCD-EFGH-JKMN')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashAccessCode('ABCD-EFGH-JKMP')).not.toBe(hashAccessCode('ABCD-EFGH-JKMN'))
  })
})

describe('the code in what the check-in desk scans or types', () => {
  test.each([
    ['ABCD-EFGH-JKMN', 'ABCD-EFGH-JKMN'],
    ['http://192.168.1.10:3000/join#code=ABCD-EFGH-JKMN', 'ABCD-EFGH-JKMN'],
    ['https://congres.example.fr/join/abcd-efgh-jkmn', 'abcd-efgh-jkmn'],
    ['https://congres.example.fr/join?code=ABCD-EFGH-JKMN', 'ABCD-EFGH-JKMN'],
  ])('%j → %j', (scanned, code) => {
    expect(codeFromScan(scanned)).toBe(code)
  })

  test('a join link carries its code in the fragment, never in the path or query', () => {
    expect(joinLink('http://192.168.1.10:3000/', 'ABCD-EFGH-JKMN')).toBe('http://192.168.1.10:3000/join#code=ABCD-EFGH-JKMN')
  })
})

describe('a device label, from the User-Agent', () => {
  test.each([
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36', 'Chrome', 'Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari', 'iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge', 'Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'macOS'],
    ['Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36', 'Samsung Internet', 'Android'],
    ['node', '', ''],
    ['', '', ''],
  ])('%j', (userAgent, browser, os) => {
    expect(deviceLabel(userAgent)).toEqual({ browser, os })
  })
})

describe('the sign-in limit', () => {
  const now = 1_000_000
  test('a success clears the failures on its own code, never the address’s', async () => {
    const limit = createSignInLimit({ perCode: 3, perAddress: 5 })
    for (let i = 0; i < 2; i++) await wrongCode(limit, { address: 'a', code: `AAAA-BBBB-000${i}` }, now)
    await limit.succeeded({ address: 'a', code: 'AAAA-BBBB-CCCC' })
    expect(await limit.take({ address: 'b', code: 'AAAA-BBBB-0009' }, now)).toBe(0)
    const spent: number[] = []
    for (const i of [0, 1, 2]) spent.push(await wrongCode(limit, { address: 'a', code: `ZZZ${i}-YYYY-XXXX` }, now))
    // Two wrong codes before the success, three after: the address's five are spent all the same.
    expect(spent).toEqual([0, 0, expect.any(Number)])
    expect(spent[2]).toBeGreaterThan(0)
    expect(await wrongCode(limit, { address: 'c', code: 'QQQQ-RRRR-SSSS' }, now)).toBe(0)
  })

  test('an address past its budget is told so on wrong codes, but no code waits for it', async () => {
    const limit = createSignInLimit({ perCode: 3, perAddress: 5 })
    for (let i = 0; i < 5; i++) await wrongCode(limit, { address: 'nat', code: `G${i}GG-HHHH-JJJJ` }, now)
    expect(await limit.take({ address: 'nat', code: 'KKKK-LLLL-MMMM' }, now)).toBe(0)
  })

  test('a code’s first 8 characters are limited whichever addresses try them', async () => {
    const limit = createSignInLimit({ perCode: 3, perAddress: 50 })
    for (let i = 0; i < 3; i++) await wrongCode(limit, { address: `10.0.0.${i}`, code: `MMMM-NNNN-000${i}` }, now)
    expect(await limit.take({ address: '10.0.0.9', code: 'mmmm nnnn 1234' }, now)).toBeGreaterThan(0)
    expect(await limit.take({ address: '10.0.0.9', code: 'MMMM-PPPP-1234' }, now)).toBe(0)
  })
})
