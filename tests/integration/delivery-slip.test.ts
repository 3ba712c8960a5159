import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DeliveryView, SealInfoView } from '../../shared/api-types.ts'
import { call, setPhase } from '../helpers/ballots.ts'
import { importAndSignIn, type Signed } from '../helpers/participants.ts'
import { pdfFigureAlts, pdfInfo } from '../helpers/pdf-structure.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** Delivery (issue 20): the advisor gets a printable slip with the link as a QR code, not a bare code. */
describe('the delivery slip', () => {
  let plenum: TestServer
  let bureau: string
  let delegate: Signed
  let delivery: DeliveryView
  const dir = makeTempDir()
  const slip = (token: string, body: unknown) =>
    fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/delivery-slip.pdf`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

  beforeAll(async () => {
    plenum = await startTestServer()
    bureau = (await plenum.login()).token
    ;[delegate] = (await importAndSignIn(plenum, bureau, [{ name: 'Denise Déléguée', role: 'delegate' }])) as [Signed]
    await setPhase(plenum, bureau, 'voting')
    expect((await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)).status).toBe(200)
    const recorded = await call<DeliveryView>(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/deliveries`, {
      advisorName: 'Claire Conseil',
      institution: 'Cabinet du Premier ministre',
      date: '2026-12-04',
      channel: 'en main propre',
    })
    expect(recorded.status).toBe(201)
    delivery = recorded.body
  }, 120_000)
  afterAll(async () => {
    await plenum.close()
    dir.remove()
  })

  test('one page: the advisor, the day in French words, the link as a QR code and in words, the code, and the seal to check', async () => {
    const response = await slip(bureau, { deliveryId: delivery.id, code: delivery.code })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const pdf = join(dir.path, 'slip.pdf')
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()))

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ')
    expect(text).toContain('Remise de la motion adoptée')
    expect(text).toContain('Claire Conseil — Cabinet du Premier ministre')
    expect(text).toContain('Remise le 4 décembre 2026, en main propre.')
    expect(text).toContain(delivery.code!)
    // The link in words, whole, though the server made the seal's PDFs before (pdf-text-per-document.test.ts).
    expect(text).toContain(`${plenum.baseUrl}/join#code=${delivery.code!}`)
    expect(text).toContain('Empreinte')
    const seal = (await call<SealInfoView>(plenum, bureau, 'GET', `/congresses/${plenum.seed.congressId}/seal`)).body
    expect(text).toContain(seal.manifestSha256)
    expect(text).toContain(seal.publicKeyFingerprint)
    // The freeze's time in words, in the congress's time zone (Europe/Paris): never an ISO stamp.
    expect(text).toMatch(/Motion gelée et scellée le \d{1,2}(er)? \p{L}+ \d{4}, \d{1,2} h \d{2} \(heure de/u)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/)

    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, join(dir.path, 'page')])
    const png = PNG.sync.read(readFileSync(join(dir.path, 'page.png')))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(delivery.joinUrl)
    expect(pdfInfo(pdf)).toMatchObject({ Tagged: 'yes', Pages: '1', Title: 'Fiche de remise — Claire Conseil' })
    expect(pdfFigureAlts(pdf)).toEqual([`QR code : lien d’accès de Claire Conseil à la motion scellée (${delivery.joinUrl})`])
  })

  test('made only with the code just issued, by the bureau only', async () => {
    const wrong = await slip(bureau, { deliveryId: delivery.id, code: 'AAAA-BBBB-CCCC' })
    expect(wrong.status).toBe(409)
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('delivery_code_mismatch')
    const unknown = await slip(bureau, { deliveryId: 'nodelivery', code: delivery.code })
    expect(unknown.status).toBe(404)
    expect((await slip(delegate.token, { deliveryId: delivery.id, code: delivery.code })).status).toBe(403)
    expect((await slip(bureau, { deliveryId: delivery.id })).status).toBe(400)
  })
})
