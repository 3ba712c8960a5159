import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import { bearer } from '../helpers/participants.ts'
import { pdfFigureAlts, pdfInfo, pdfStructure, unmarkedPainting } from '../helpers/pdf-structure.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

/** Decodes every QR code on a rendered A4 page, card by card (2 × 4 cards, 28 pt margins). */
function qrCodesOnPage(file: string, dpi: number): string[] {
  const png = PNG.sync.read(readFileSync(file))
  const scale = dpi / 72
  const cardWidth = ((595.28 - 56) / 2) * scale
  const cardHeight = ((841.89 - 56) / 4) * scale
  const found: string[] = []
  for (let slot = 0; slot < 8; slot++) {
    const x0 = Math.round(28 * scale + (slot % 2) * cardWidth)
    const y0 = Math.round(28 * scale + Math.floor(slot / 2) * cardHeight)
    const width = Math.floor(cardWidth)
    const height = Math.floor(cardHeight)
    const crop = new Uint8ClampedArray(width * height * 4)
    for (let y = 0; y < height; y++) {
      const from = ((y0 + y) * png.width + x0) * 4
      crop.set(png.data.subarray(from, from + width * 4), y * width * 4)
    }
    const code = jsQR(crop, width, height)
    if (code) found.push(code.data)
  }
  return found
}

describe('the printable access sheet', () => {
  let plenum: TestServer
  const dir = makeTempDir()
  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(async () => {
    await plenum.close()
    dir.remove()
  })

  test('has one card per participant, each with a QR code of its own join link, and the code in text', async () => {
    const bureau = (await plenum.login()).token
    const url = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`
    const rows = Array.from({ length: 10 }, (_, i) => `Personne ${i + 1} Hélène;Commune n°${i + 1};p${i}@example.fr;${i % 2 ? 'attendee' : 'delegate'}`)
    const imported = await fetch(url, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'text/csv' }, body: `name;organisation;email;role\n${rows.join('\n')}\n` })
    const { participants } = (await imported.json()) as { participants: IssuedParticipantView[] }
    expect(participants).toHaveLength(10)

    // The sheet is printed from the codes the import just answered with, sent back in the body.
    const body = JSON.stringify({ participants: participants.map(({ id, code }) => ({ id, code })) })
    const response = await fetch(`${url}/sheet.pdf`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/json' }, body })
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const pdf = join(dir.path, 'sheet.pdf')
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()))

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    for (const p of participants) {
      expect(text).toContain(p.code)
      expect(text).toContain(p.name)
    }
    execFileSync('pdftoppm', ['-r', '100', '-png', pdf, join(dir.path, 'page')])
    const pages = readdirSync(dir.path).filter((f) => f.startsWith('page')).sort()
    expect(pages).toHaveLength(2)
    const links = pages.flatMap((page) => qrCodesOnPage(join(dir.path, page), 100))
    expect(links.sort()).toEqual(participants.map((p) => `${plenum.baseUrl}/join#code=${p.code}`).sort())

    // Tagged: a section per card, in card order, its name a heading; each QR code a figure whose
    // alternative text says whose link it is; the cutting lines left out (artifacts).
    expect(pdfInfo(pdf)).toMatchObject({ Tagged: 'yes', Title: expect.stringMatching(/^Codes d’accès — /) })
    const tree = pdfStructure(pdf)
    expect(tree.filter((n) => n.tag === 'Sect')).toHaveLength(participants.length)
    expect(tree.filter((n) => n.tag === 'H1').map((n) => n.text)).toEqual(participants.map((p) => p.name))
    expect(tree.filter((n) => n.tag === 'P').map((n) => n.text)).toEqual(expect.arrayContaining(participants.map((p) => p.code)))
    const alts = pdfFigureAlts(pdf)
    expect(alts).toHaveLength(participants.length)
    for (const [i, p] of participants.entries()) expect(alts[i]).toBe(`QR code : lien d’accès personnel de ${p.name} à Plenum (${plenum.baseUrl}/join#code=${p.code})`)
    expect(execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-']).toString('latin1')).toContain('/Lang (fr-FR)')
    expect(unmarkedPainting(pdf)).toEqual([])
  })
})
