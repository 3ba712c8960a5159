import { describe, expect, test } from 'vitest'
import { formatDocName, parseDocName } from '../../shared/docs/doc-name.ts'

describe('document names', () => {
  test.each([
    ['c1/proposal/p12', { congressId: 'c1', kind: 'proposal', id: 'p12' }],
    ['Ab_-9/preamble/main', { congressId: 'Ab_-9', kind: 'preamble', id: 'main' }],
    ['c1/amendment/a3', { congressId: 'c1', kind: 'amendment', id: 'a3' }],
  ])('%s parses and formats back', (name, address) => {
    expect(parseDocName(name)).toEqual(address)
    expect(formatDocName(parseDocName(name)!)).toBe(name)
  })

  test.each(['', 'c1', 'c1/proposal', 'c1/proposal/p1/extra', 'c1/ballot/b1', '../proposal/p1', 'c1/proposal/p 1', 'c1//p1'])(
    '%j is not a document name',
    (name) => {
      expect(parseDocName(name)).toBeUndefined()
    },
  )
})
