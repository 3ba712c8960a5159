import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations, hallUrl, launchChromium } from '../helpers/browser.ts'
import { setPhase } from '../helpers/ballots.ts'
import { competingProposalIndex, fileCompetingAmendments } from '../helpers/competing-amendments.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { signedInAt } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** The item under debate narrowed to a discussion commune: the bureau picks it, a phone reads it and asks for the floor on it. */
describe('a discussion commune under debate', () => {
  let plenum: TestServer
  let browser: Browser
  let anne: Signed

  const signIn = (base: string, code: string, path: string, viewport?: { width: number; height: number }) => signedInAt(browser, base, code, path, viewport)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    const bureau = (await plenum.login()).token
    ;[anne] = (await importAndSignIn(plenum, bureau, [{ name: 'Anne Oratrice', role: 'delegate' }])) as [Signed]
    await setPhase(plenum, bureau, 'amendments')
    await fileCompetingAmendments(plenum, bureau)
  })
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  test('the bureau narrows proposal 2 to the amendments on its line 1; the phone says so, and its request is on that item', async () => {
    const session = await signIn(plenum.baseUrl, plenum.seed.bureauCode, `/congresses/${plenum.seed.congressId}/session`)
    await session.getByLabel('Texte à mettre en discussion').selectOption({ index: competingProposalIndex + 2 })
    await session.getByRole('button', { name: 'Mettre en discussion' }).click()
    const scope = session.getByLabel('Sur ce texte, mettre en discussion')
    await scope.waitFor()
    await scope.selectOption({ label: 'La discussion commune : P2-A2, P2-A1, P2-A3' })
    await session.getByRole('button', { name: 'Restreindre la discussion' }).click()
    await session.getByText('discussion commune sur P2-A2').first().waitFor()
    expect(await axeViolations(session)).toEqual([])
    await session.screenshot({ path: `${artifacts}floor-joint-debate-session.png`, fullPage: true })

    const phone = await signIn(hallUrl(plenum.baseUrl), anne.code, `/congresses/${plenum.seed.congressId}`, { width: 360, height: 740 })
    await phone.locator('.floor-item', { hasText: 'discussion commune sur P2-A2' }).waitFor()
    await phone.getByRole('button', { name: 'Pour' }).first().click()
    await phone.getByRole('button', { name: 'Retirer ma demande' }).waitFor()
    expect(await axeViolations(phone)).toEqual([])
    await phone.screenshot({ path: `${artifacts}floor-joint-debate-phone.png`, fullPage: true })
    await session.locator('ol.floor-queue > li', { hasText: 'Anne Oratrice' }).waitFor()
    await session.close()
    await phone.close()
  })
})
