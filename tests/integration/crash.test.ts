import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { editingCrash, voteCrash } from '../helpers/crash-scenario.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

describe('SIGKILL in the middle of the work (npm run stress: 50 writers, 2,000 votes)', () => {
  const work = makeTempDir('plenum-crash-')
  afterAll(() => work.remove())

  test('8 delegates typing into 2 texts: every line any watcher had received is there after the restart', async () => {
    const result = await editingCrash(join(work.path, 'edits'), { writers: 8, docs: 2, killAfterMs: 1500 })
    expect(result.edits).toBeGreaterThan(100)
    expect(result.lost).toBe(0)
  }, 90_000)

  test('120 votes at once, killed after 40 answers: every receipt is on the board, once per voter, and retries get their first receipt', async () => {
    const result = await voteCrash(join(work.path, 'votes'), { voters: 120, killAfter: 40 })
    expect(result.receiptsBeforeKill).toBeGreaterThan(0)
    expect(result).toMatchObject({ voters: 120, lost: 0, doubled: 0, changed: 0 })
  }, 90_000)
})
