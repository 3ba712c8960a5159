import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { largeTextCase, type LargeTextCase } from '../helpers/large-texts.ts'

const child = fileURLToPath(new URL('../helpers/word-diff-child.ts', import.meta.url))

/**
 * The diff of one large text in a child process allowed 300 MB of data (RLIMIT_DATA, which counts
 * the V8 heap and the array buffers alike) and a 64 MB JavaScript heap. A diff whose memory grows
 * with the product of the texts' lengths (4,000 words rewritten took 500 MB, 20,000 words 13 GB)
 * dies there; a linear one passes with room to spare.
 */
function diffInSmallMemory(name: LargeTextCase): Promise<{ status: number | null; report?: Record<string, unknown>; stderr: string }> {
  const command = `ulimit -d 300000 && exec "${process.execPath}" --max-old-space-size=64 --import tsx "${child}" ${name}`
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0
      const line = stdout.trim().split('\n').at(-1)
      resolve({ status, report: status === 0 && line ? JSON.parse(line) : undefined, stderr: stderr.slice(-2000) })
    })
  })
}

describe('the word diff of large texts, in bounded memory', () => {
  test.each(['rewrite-4000', 'rewrite-20000', 'cap-rewrite'] as const)('%s: a full rewrite, every line changed, both texts read back from the diff', async (name) => {
    const { status, report, stderr } = await diffInSmallMemory(name)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(report).toMatchObject({ baseMatches: true, amendedMatches: true, changed: [{ from: 1, to: report!.baseLines }] })
    const words = largeTextCase(name).base.join(' ').split(' ').length
    // Nothing of the old text is kept (the rewrite shares only short words, or none), all of it is new.
    expect(report!.deletedWords).toBe(words)
    expect(report!.insertedWords).toBe(words)
  })

  test('20,000 words with one word in 25 replaced: exactly those words shown deleted and inserted', async () => {
    const { status, report, stderr } = await diffInSmallMemory('edits-20000')
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const { replaced } = largeTextCase('edits-20000')
    expect(report).toMatchObject({ baseMatches: true, amendedMatches: true, deletedWords: replaced, insertedWords: replaced })
  })
})
