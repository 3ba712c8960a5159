import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import type { Role } from '../../shared/roles.ts'
import { launchChromium } from './browser.ts'
import { importAndSignIn, type Signed } from './participants.ts'
import { startTestServer, type TestServer } from './test-server.ts'

/** Where browser tests leave their screenshots (tests/artifacts/). */
export const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/** What most browser tests start from: Plenum serving the built client, Debian's Chromium, the bureau's token, people signed in. */
export interface BrowserCongress {
  readonly plenum: TestServer
  readonly browser: Browser
  readonly bureau: string
  readonly people: Signed[]
}

/** Starts a BrowserCongress with `people` imported into the seeded congress and signed in (the artifacts folder made). */
export async function openBrowserCongress(people: readonly { name: string; role: Role }[]): Promise<BrowserCongress> {
  mkdirSync(artifacts, { recursive: true })
  const plenum = await startTestServer({ clientDir })
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const bureau = (await plenum.login()).token
    return { plenum, browser, bureau, people: await importAndSignIn(plenum, bureau, people) }
  } catch (error) {
    await closeBrowserCongress({ plenum, browser })
    throw error
  }
}

/** Closes what openBrowserCongress started, whatever part of it did start. */
export async function closeBrowserCongress(room: { readonly plenum?: TestServer; readonly browser?: Browser }): Promise<void> {
  await room.browser?.close()
  await room.plenum?.close()
}
