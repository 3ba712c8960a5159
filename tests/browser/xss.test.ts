import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { toCsv } from '../../shared/csv.ts'
import { call, checkIn, createBallot, setPhase, step, vote } from '../helpers/ballots.ts'
import { axeViolations, launchChromium, openPage } from '../helpers/browser.ts'
import { bearer } from '../helpers/participants.ts'
import { connectSynced } from '../helpers/providers.ts'
import { roundTrip } from '../helpers/round-trip.ts'
import { signedIn as sessionOpened } from '../helpers/signed-in.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { allPayloads, installXssTrap, payloadFor, unsafeMarkup, xssFired, xssPayloads } from '../helpers/xss-corpus.ts'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url))

/**
 * The XSS corpus through every text a person can enter (names by CSV import, congress, question and
 * proposal titles, proposal, preamble and amendment texts, justifications, ruling reasons, delivery
 * details) and out through every page that shows them and every export: nothing runs in Chromium,
 * no unsafe markup reaches any DOM, and each text is shown as typed.
 */
describe('XSS corpus', () => {
  let plenum: TestServer
  let browser: Browser
  let bureau: string
  let delegate: { id: string; code: string; token: string; name: string }
  let amendmentId: string
  let ballotId: string
  const congressId = () => plenum.seed.congressId
  const api = (path: string) => `${plenum.baseUrl}/api/congresses/${congressId()}${path}`

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    plenum = await startTestServer({ clientDir })
    browser = await launchChromium()
    bureau = (await plenum.login()).token

    // Drafting: the congress, a question and a proposal renamed, people imported from a CSV file, texts typed.
    expect((await call(plenum, bureau, 'PATCH', `/congresses/${congressId()}`, { title: payloadFor(0, 'Congrès'), place: payloadFor(1, 'Lieu') })).status).toBe(200)
    const theme = await plenum.database.db.selectFrom('themes').select('id').where('congress_id', '=', congressId()).orderBy('position').executeTakeFirstOrThrow()
    expect((await call(plenum, bureau, 'PATCH', `/congresses/${congressId()}/themes/${theme.id}`, { title: payloadFor(2, 'Question') })).status).toBe(200)
    expect((await call(plenum, bureau, 'PATCH', `/congresses/${congressId()}/proposals/${plenum.seed.proposals[0]!.id}`, { title: payloadFor(3, 'Proposition') })).status).toBe(200)
    const csv = toCsv([
      ['name', 'organisation', 'email', 'role'],
      [payloadFor(4, 'Déléguée'), payloadFor(5, 'Ville'), 'xss.delegate@example.fr', 'delegate'],
      [payloadFor(6, 'Auditeur'), payloadFor(7, 'Ville'), 'xss.attendee@example.fr', 'attendee'],
    ])
    const imported = await fetch(api('/participants'), { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'text/csv' }, body: csv })
    expect(imported.status).toBe(201)
    const people = ((await imported.json()) as { participants: { id: string; code: string; name: string; role: string }[] }).participants
    const d = people.find((p) => p.role === 'delegate')!
    delegate = { ...d, token: (await plenum.login(d.code)).token }
    for (const docName of [plenum.seed.proposals[0]!.docName, `${congressId()}/preamble/main`]) {
      const writer = await connectSynced(plenum.wsUrl, docName, bureau, 'bureau')
      writer.appendParagraph(allPayloads)
      await roundTrip(writer)
      writer.destroy()
    }

    // Amendments: one filed with a justification and a text full of payloads, one ruled out with a reason.
    await setPhase(plenum, bureau, 'amendments')
    const filed = await call<{ id: string; docName: string }>(plenum, delegate.token, 'POST', `/proposals/${plenum.seed.proposals[0]!.id}/amendments`, { justification: allPayloads })
    expect(filed.status).toBe(201)
    amendmentId = filed.body.id
    const amending = await connectSynced(plenum.wsUrl, filed.body.docName, delegate.token, 'delegate')
    amending.appendParagraph(`Ajout ${allPayloads}`)
    await roundTrip(amending)
    amending.destroy()
    expect((await call(plenum, delegate.token, 'POST', `/amendments/${amendmentId}/submit`)).status).toBe(200)
    const second = await call<{ id: string }>(plenum, delegate.token, 'POST', `/proposals/${plenum.seed.proposals[1]!.id}/amendments`, {})
    expect((await call(plenum, delegate.token, 'POST', `/amendments/${second.body.id}/submit`)).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${second.body.id}/ruling`, { admissible: false, reason: allPayloads })).status).toBe(200)
    expect((await call(plenum, bureau, 'POST', `/amendments/${amendmentId}/ruling`, { admissible: true })).status).toBe(200)

    // Voting: a ballot on the amendment, a vote, published.
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, [delegate.id])
    ballotId = (await createBallot(plenum, bureau, { kind: 'amendment', id: amendmentId })).id
    await step(plenum, bureau, ballotId, 'open')
    expect((await vote(plenum, delegate.token, ballotId, 'yes')).status).toBe(200)
    await step(plenum, bureau, ballotId, 'close')
    await step(plenum, bureau, ballotId, 'publish')
    await call(plenum, bureau, 'PUT', `/congresses/${congressId()}/projector`, { ballotId })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await plenum?.close()
  })

  async function signedIn(code: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await openPage(browser, 'about:blank', viewport)
    await page.context().addInitScript(installXssTrap)
    page.setDefaultTimeout(15_000)
    page.on('dialog', (dialog) => void dialog.dismiss())
    await page.goto(`${plenum.baseUrl}/join/${code}`)
    await sessionOpened(page)
    return page
  }

  /** Opens `path`, waits for `shown` to be on screen as text (else for its heading), tabs and hovers through it, then checks. */
  async function check(page: Page, path: string, shown?: string): Promise<void> {
    await page.goto(`${plenum.baseUrl}${path}`)
    if (shown) await page.getByText(shown, { exact: false }).first().waitFor()
    else await page.locator('h1, [role=alert]').first().waitFor()
    await page.waitForLoadState('networkidle')
    for (let i = 0; i < 15; i++) await page.keyboard.press('Tab')
    await page.mouse.move(300, 300)
    expect.soft(await xssFired(page), `script ran on ${path}`).toEqual([])
    expect.soft(await unsafeMarkup(page), `unsafe markup on ${path}`).toEqual([])
    expect.soft(await axeViolations(page), `${path}`).toEqual([])
  }

  test('the bureau and a delegate see every text as typed, on every page, and nothing runs', async () => {
    const base = `/congresses/${congressId()}`
    const desk = await signedIn(plenum.seed.bureauCode)
    await check(desk, base, 'Question <a href="javascript:')
    await check(desk, `${base}/proposals/1`, xssPayloads[0]!)
    await check(desk, `${base}/preamble`, xssPayloads[3]!)
    await check(desk, `${base}/motion`, xssPayloads[0]!)
    await check(desk, `${base}/bureau`, 'Déléguée "><iframe')
    await desk.screenshot({ path: `${artifacts}xss-bureau.png`, fullPage: true })
    await check(desk, `${base}/amendments`, 'Proposition <svg')
    await check(desk, `${base}/amendments/${amendmentId}`, xssPayloads[4]!)
    await desk.screenshot({ path: `${artifacts}xss-amendment.png`, fullPage: true })
    await check(desk, `${base}/ballots`)
    await check(desk, `${base}/ballots/${ballotId}/board`)
    await check(desk, `/projector/${congressId()}`)
    const phone = await signedIn(delegate.code, { width: 390, height: 844 })
    await check(phone, `${base}/vote`)
    await check(phone, base, 'Congrès <script>')
    await phone.screenshot({ path: `${artifacts}xss-phone.png`, fullPage: true })
    // Addresses are input too.
    await check(phone, `/join/${encodeURIComponent(xssPayloads[1]!)}`)
    await check(phone, `/congresses/${encodeURIComponent(xssPayloads[2]!)}/amendments/${encodeURIComponent(xssPayloads[0]!)}`)
    for (const page of [desk, phone]) await page.context().close()
  }, 180_000)

  test('after the freeze, the advisor page, the sealed motion and every export carry the texts inert', async () => {
    expect((await call(plenum, bureau, 'POST', `/congresses/${congressId()}/freeze`)).status).toBe(200)
    const delivery = await call<{ code: string }>(plenum, bureau, 'POST', `/congresses/${congressId()}/deliveries`, {
      advisorName: payloadFor(8, 'Conseillère'),
      institution: payloadFor(9, 'Institution'),
      date: '2026-12-04',
      channel: payloadFor(1, 'Canal'),
    })
    expect(delivery.status).toBe(201)
    const desk = await signedIn(plenum.seed.bureauCode)
    await check(desk, `/congresses/${congressId()}/bureau`, 'Conseillère {{constructor')
    const advisor = await signedIn(delivery.body.code)
    await check(advisor, `/congresses/${congressId()}/seal`, 'Signature valide')
    await advisor.locator('.sealed-motion').getByText(xssPayloads[0]!).first().waitFor()
    expect(await unsafeMarkup(advisor)).toEqual([])
    await advisor.screenshot({ path: `${artifacts}xss-seal.png`, fullPage: true })
    // The sealed HTML opened on its own.
    const motion = await signedIn(plenum.seed.bureauCode)
    await motion.goto(`${plenum.baseUrl}/api/congresses/${congressId()}/bundle/motion.html`)
    await motion.getByText(xssPayloads[1]!).first().waitFor()
    expect(await xssFired(motion)).toEqual([])
    expect(await unsafeMarkup(motion)).toEqual([])

    // The exports as files: escaped where their format has markup, prefixed where a spreadsheet computes.
    const file = async (name: string) => (await fetch(api(`/bundle/${name}`), { headers: bearer(bureau) })).text()
    const html = await file('motion.html')
    for (const payload of xssPayloads.filter((p) => p.includes('<'))) expect(html).not.toContain(payload.slice(payload.indexOf('<')))
    expect(html).toContain('&lt;script&gt;top.xssFired.push(1)&lt;/script&gt;')
    const markdown = await file('motion.md')
    expect(markdown).not.toMatch(/(?<!\\)<(script|img|svg|iframe|math|details|a)\b/i)
    expect(markdown).toContain('\\<script\\>top.xssFired.push(1)\\</script\\>')
    const bundle = unzipSync(new Uint8Array(await (await fetch(api('/bundle'), { headers: bearer(bureau) })).arrayBuffer()))
    const odt = Object.entries(bundle).find(([name]) => name.endsWith('.odt'))![1]
    const content = strFromU8(unzipSync(odt)['content.xml']!)
    expect(content).not.toMatch(/<(script|img|svg|iframe|math)\b/i)
    expect(content).toContain('&lt;script&gt;top.xssFired.push(1)&lt;/script&gt;')
    const results = await (await fetch(api('/results.csv'), { headers: bearer(bureau) })).text()
    expect(results).toContain('P1-A1')
    for (const line of results.split('\r\n')) for (const cell of line.split(';')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/)
    for (const page of [desk, advisor, motion]) await page.context().close()
  }, 120_000)
})
