import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { numberLines } from '../../shared/amendments/text-diff.ts'
import { stateParagraphs } from '../../shared/editor/doc-state.ts'
import { checkIn, openedBallot, setPhase } from '../helpers/ballots.ts'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))
const shots = '/tmp/shots-editor/'

describe('a text read on a phone (the vote page) carries the diffs’ line numbers in its margin', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let voter: Signed

  beforeAll(async () => {
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    ;[voter] = (await importAndSignIn(plenum, bureau, [{ name: 'Alice Martin', role: 'attendee' }])) as [Signed]
    // Two paragraphs, so the numbering runs on from one to the next.
    const writer = await connectSynced(plenum.wsUrl, plenum.seed.proposals[2]!.docName, bureau, 'Bureau')
    writer.appendParagraph('Un observatoire régional publie chaque année, commune par commune, les services en ligne qui ne respectent pas encore le référentiel.')
    await roundTrip(writer)
    writer.destroy()
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [voter.id])
    await openedBallot(plenum, bureau, { kind: 'proposal', id: plenum.seed.proposals[2]!.id })
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  for (const language of ['fr', 'en'] as const) {
    test(`${language}: every printed line's number, in order, at the start of its line`, async () => {
      const page = await signedInAt(browser, hallUrl(plenum.baseUrl), voter.code, `/congresses/${plenum.seed.congressId}/vote`, { width: 390, height: 844 })
      await page.evaluate((l) => localStorage.setItem('plenum.language', l), language)
      await page.reload()
      const marks = page.locator('plenum-text-view .line-mark')
      const paragraphs = stateParagraphs((await plenum.server.sync.documents.read(plenum.seed.proposals[2]!.docName))!)
      const lines = numberLines(paragraphs)
      expect(new Set(lines.map((l) => l.paragraph)).size).toBe(2)
      await expect.poll(() => marks.count(), { timeout: 10_000 }).toBe(lines.length)
      expect((await marks.allTextContents()).map(Number)).toEqual(lines.map((l) => l.number))
      // Each number sits on the screen line where its printed line's text starts, in the margin left of it.
      for (const [index, line] of lines.entries()) {
        const mark = (await marks.nth(index).boundingBox())!
        const start = await page.locator('plenum-text-view .view-line').nth(index).evaluate((el) => {
          const range = document.createRange()
          const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!
          range.setStart(text, 0)
          range.setEnd(text, 1)
          const rect = range.getBoundingClientRect()
          return { x: rect.x, y: rect.y, height: rect.height }
        })
        expect(mark.x + mark.width, `line ${line.number}`).toBeLessThanOrEqual(start.x)
        expect(Math.abs(mark.y + mark.height / 2 - (start.y + start.height / 2)), `line ${line.number}`).toBeLessThan(start.height / 2)
      }
      await page.screenshot({ path: `${shots}vote-text-lines-${language}-390.png`, fullPage: true })
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    })
  }
})
