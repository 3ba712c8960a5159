import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import type { AmendmentView } from '../../shared/api-types.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, hallUrl, launchChromium, openPage } from '../helpers/browser.ts'
import { call, checkIn, openedBallot, setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn } from '../helpers/participants.ts'
import { signedIn } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

describe('the order of the votes on a proposal’s page', () => {
  let plenum: TestServer
  let browser: Browser
  let readerCode: string
  let readerId: string

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = (await plenum.login()).token
    const [reader] = await importAndSignIn(plenum, bureau, [{ name: 'Rita Lecteur', role: 'attendee' }])
    readerCode = reader!.code
    readerId = reader!.id
    await setPhase(plenum, bureau, 'amendments')
    await fileCompetingAmendments(plenum, bureau)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  const orderOn = async (base: string, viewport?: { width: number; height: number }, code = readerCode): Promise<Page> => {
    const page = await openPage(browser, `${base}/join/${code}`, viewport)
    page.setDefaultTimeout(8000)
    await signedIn(page)
    await page.goto(`${base}/congresses/${plenum.seed.congressId}/proposals/${competingProposalIndex + 1}`)
    await page.locator('ol.running-order li').first().waitFor()
    return page
  }
  const items = (page: Page) => page.locator('ol.running-order > li').allInnerTexts()

  test('an attendee reads the order: the deletion, the twins together, the other passage, then the text', async () => {
    const page = await orderOn(plenum.baseUrl)
    const texts = await items(page)
    expect(texts.map((t) => t.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A1', 'P2-A4', 'Le'])
    expect(texts[0]).toContain('suppression')
    expect(texts[1]).toContain('identique, mis aux voix avec : P2-A3')
    expect(texts[1]).toContain('discussion commune')
    expect(texts.at(-1)).toBe('Le texte ainsi amendé')
    expect(await axeViolations(page)).toEqual([])
    await page.locator('ol.running-order').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}running-order.png`, fullPage: true })
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Order of the votes' }).count()).toBe(1)
    expect((await items(page)).at(-1)).toBe('The text as amended')
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  test('on a phone, from the hall’s plain-HTTP address', async () => {
    const page = await orderOn(hallUrl(plenum.baseUrl), { width: 390, height: 844 })
    expect((await items(page)).map((t) => t.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A1', 'P2-A4', 'Le'])
    const box = await page.locator('ol.running-order').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await page.locator('ol.running-order').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${artifacts}running-order-phone.png` })
    await page.close()
  })

  test('the bureau gives its opinion from the amendment’s page; the order shows it to everyone', async () => {
    const bureau = await orderOn(plenum.baseUrl, undefined, plenum.seed.bureauCode)
    await bureau.getByRole('link', { name: 'P2-A2' }).first().click()
    await bureau.getByRole('heading', { level: 2, name: 'Avis du bureau' }).waitFor()
    await bureau.getByRole('radio', { name: 'Défavorable' }).check()
    await bureau.getByLabel('Commentaire (facultatif)').fill('La mention de l’administration est nécessaire.')
    await bureau.getByRole('button', { name: 'Enregistrer l’avis' }).click()
    await expect.poll(() => bureau.locator('.opinion-given').textContent()).toContain('Défavorable — La mention de l’administration est nécessaire.')
    expect(await axeViolations(bureau)).toEqual([])
    await bureau.locator('.bureau-opinion').scrollIntoViewIfNeeded()
    await bureau.screenshot({ path: `${artifacts}bureau-opinion.png` })
    await bureau.close()
    const reader = await orderOn(plenum.baseUrl)
    await expect.poll(async () => (await items(reader))[0]).toContain('avis du bureau : défavorable')
    await reader.close()
  })

  test('the bureau moves a vote up; everyone sees the bureau’s order, until it goes back to Plenum’s', async () => {
    const bureau = await orderOn(plenum.baseUrl, undefined, plenum.seed.bureauCode)
    await bureau.getByRole('button', { name: 'Monter : P2-A4' }).click()
    await expect.poll(async () => (await items(bureau)).map((t) => t.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A4', 'P2-A1', 'Le'])
    await bureau.getByText('Ordre fixé par le bureau.').waitFor()
    expect(await axeViolations(bureau)).toEqual([])
    await bureau.locator('ol.running-order').scrollIntoViewIfNeeded()
    await bureau.screenshot({ path: `${artifacts}running-order-bureau.png` })
    const reader = await orderOn(plenum.baseUrl)
    expect((await items(reader)).map((t) => t.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A4', 'P2-A1', 'Le'])
    expect(await reader.getByRole('button', { name: 'Monter : P2-A4' }).count()).toBe(0)
    await bureau.getByRole('button', { name: 'Revenir à l’ordre calculé' }).click()
    await expect.poll(async () => (await items(bureau)).map((t) => t.split(/\s/)[0])).toEqual(['P2-A2', 'P2-A1', 'P2-A4', 'Le'])
    await bureau.close()
    await reader.close()
  })

  test('the bureau’s opinion is on the voter’s phone beside the amendment put to the vote', async () => {
    const bureau = (await plenum.login()).token
    const a4 = (await call<{ amendments: AmendmentView[] }>(plenum, bureau, 'GET', `/proposals/${plenum.seed.proposals[competingProposalIndex]!.id}/amendments`)).body.amendments.find((a) => a.label === 'P2-A4')!
    expect((await call(plenum, bureau, 'POST', `/amendments/${a4.id}/opinion`, { opinion: 'wisdom', comment: 'L’assemblée tranchera.' })).status).toBe(200)
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [readerId])
    await openedBallot(plenum, bureau, { kind: 'amendment', id: a4.id })
    const phone = await openPage(browser, `${hallUrl(plenum.baseUrl)}/join/${readerCode}`, { width: 390, height: 844 })
    phone.setDefaultTimeout(8000)
    await signedIn(phone)
    await phone.goto(`${hallUrl(plenum.baseUrl)}/congresses/${plenum.seed.congressId}/vote`)
    await expect.poll(() => phone.locator('.subject-opinion').textContent()).toBe('Avis du bureau : Sagesse de l’assemblée — L’assemblée tranchera.')
    expect(await axeViolations(phone)).toEqual([])
    await phone.locator('.subject-opinion').scrollIntoViewIfNeeded()
    await phone.screenshot({ path: `${artifacts}vote-opinion-phone.png` })
    await phone.close()
  })

  test('the bureau adopts the deletion: the amendments on the same lines fall, and their page says why', async () => {
    const bureau = await orderOn(plenum.baseUrl, undefined, plenum.seed.bureauCode)
    await bureau.getByRole('link', { name: 'P2-A2' }).first().click()
    // Adopting without a vote asks first, saying what it does.
    bureau.once('dialog', (dialog) => void dialog.accept())
    await bureau.getByRole('button', { name: 'Adopter et intégrer' }).click()
    await bureau.locator('.status-badge[data-status="merged"]').first().waitFor()
    await bureau.goto(`${plenum.baseUrl}/congresses/${plenum.seed.congressId}/proposals/${competingProposalIndex + 1}`)
    await expect.poll(() => bureau.locator('li[data-status="fallen"] .amendment-label').allInnerTexts()).toEqual(['P2-A1', 'P2-A3'])
    expect((await items(bureau)).map((t) => t.split(/\s/)[0])).toEqual(['P2-A4', 'Le'])
    await bureau.getByRole('link', { name: 'P2-A1', exact: true }).first().click()
    await expect.poll(() => bureau.locator('.notice.fallen').textContent()).toContain('Tombé : P2-A2 a été adopté')
    expect(await axeViolations(bureau)).toEqual([])
    await bureau.screenshot({ path: `${artifacts}amendment-fallen.png` })
    await bureau.close()
  })
})
