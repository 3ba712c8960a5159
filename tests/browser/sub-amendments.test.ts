import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AmendmentDetailView, FiledAmendmentView } from '../../shared/api-types.ts'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { replaceText } from '../helpers/text-edit.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('sub-amendments and rewordings on the amendment’s page', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let author: Signed
  let subAuthor: Signed
  let parent: FiledAmendmentView
  const amendmentPath = (id: string) => `/congresses/${plenum.seed.congressId}/amendments/${id}`

  async function write(docName: string, token: string, find: string, replacement: string): Promise<void> {
    const client = await connectSynced(plenum.wsUrl, docName, token)
    try {
      replaceText(client.doc, find, replacement)
      await roundTrip(client)
    } finally {
      client.destroy()
    }
  }

  const signedInTo = (base: string, code: string, path: string, viewport?: { width: number; height: number }) => signedInAt(browser, base, code, path, viewport)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token
    await setPhase(plenum, bureau, 'amendments')
    await fileCompetingAmendments(plenum, bureau)
    const people = await importAndSignIn(plenum, bureau, [
      { name: 'Agnès Öztürk', role: 'delegate' },
      { name: 'Léon Martin', role: 'delegate' },
    ])
    author = people[0]!
    subAuthor = people[1]!
    const proposalId = plenum.seed.proposals[competingProposalIndex]!.id
    parent = (await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposalId}/amendments`, { justification: 'Pas de surcoût.' })).body
    await write(parent.docName, author.token, 'sans surcoût', 'sans aucun surcoût')
    expect((await call(plenum, author.token, 'POST', `/amendments/${parent.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${parent.id}/ruling`, { admissible: true })).status).toBe(200)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('a delegate files a sub-amendment from the amendment’s page and writes it against the amendment', async () => {
    const page = await signedInTo(plenum.baseUrl, subAuthor.code, amendmentPath(parent.id))
    await page.getByRole('heading', { level: 2, name: 'Sous-amendements' }).waitFor()
    expect(await page.getByText('Aucun sous-amendement.').count()).toBe(1)
    await page.getByRole('button', { name: 'Déposer un sous-amendement' }).click()
    await page.getByRole('heading', { level: 1, name: /P2-A5-S1/ }).waitFor()
    await page.getByRole('heading', { level: 2, name: /Sous-amendement à P2-A5/ }).waitFor()
    const sub = (await call<AmendmentDetailView>(plenum, bureau, 'GET', page.url().replace(/.*\/amendments\//, '/amendments/'))).body
    await write(sub.docName, subAuthor.token, 'aucun surcoût', 'aucun surcoût ni frais')
    // Its diff reads against the amendment's text: only the sub-amendment's own words are new.
    await page.locator('plenum-live-diff ins', { hasText: 'frais' }).first().waitFor()
    expect(await page.locator('plenum-live-diff ins', { hasText: 'aucun' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}sub-amendment.png`, fullPage: true })
    expect((await call(plenum, subAuthor.token, 'POST', `/amendments/${sub.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${sub.id}/ruling`, { admissible: true })).status).toBe(200)
    await page.close()
  })

  test('on a phone from the hall: the sub-amendment sits under its amendment, and is voted before it', async () => {
    const page = await signedInTo(hallUrl(plenum.baseUrl), subAuthor.code, `/congresses/${plenum.seed.congressId}/proposals/${competingProposalIndex + 1}`, { width: 390, height: 844 })
    await page.locator('.amendment-list li.sub').first().waitFor()
    expect(await page.locator('.amendment-list li.sub').innerText()).toContain('Sous-amendement à P2-A5')
    const order = (await page.locator('ol.running-order > li').allInnerTexts()).map((t) => t.split(/\s/)[0])
    expect(order.indexOf('P2-A5-S1')).toBeGreaterThanOrEqual(0)
    expect(order.indexOf('P2-A5-S1')).toBeLessThan(order.indexOf('P2-A5'))
    const box = await page.locator('.amendment-list').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await page.locator('.amendment-list li.sub').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}sub-amendment-phone.png` })
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  test('the bureau proposes a rewording; the author accepts it on its page; the amendment is rectified', async () => {
    const desk = await signedInTo(plenum.baseUrl, plenum.seed.bureauCode, amendmentPath(parent.id))
    await desk.getByRole('button', { name: 'Proposer une rectification' }).click()
    await desk.getByRole('heading', { level: 1, name: /P2-A5-R2/ }).waitFor()
    const rewordingPath = new URL(desk.url()).pathname
    const rewording = (await call<AmendmentDetailView>(plenum, bureau, 'GET', rewordingPath.replace(/.*\/amendments\//, '/amendments/'))).body
    await write(rewording.docName, bureau, 'sans aucun surcoût', 'sans surcoût aucun')
    await desk.close()

    const page = await signedInTo(plenum.baseUrl, author.code, rewordingPath)
    await page.getByRole('heading', { level: 2, name: /Rectification proposée par le bureau à P2-A5/ }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}rewording-answer.png`, fullPage: true })
    await page.getByRole('button', { name: 'Accepter la rectification' }).click()
    await expect.poll(async () => (await call<AmendmentDetailView>(plenum, bureau, 'GET', `/amendments/${parent.id}`)).body.rectifiedAt).not.toBeNull()

    await page.goto(`${plenum.baseUrl}${amendmentPath(parent.id)}`)
    await page.locator('h1 .status-badge[data-status="rectified"]').waitFor()
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { level: 2, name: 'Rewordings proposed by the bureau' }).waitFor()
    expect(await page.locator('h1').innerText()).toContain('reworded')
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${artifacts}rectified-amendment-en.png`, fullPage: true })
    await page.getByRole('button', { name: 'Passer en français' }).click()
    await page.close()
  })
})
