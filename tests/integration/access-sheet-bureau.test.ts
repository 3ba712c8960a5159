import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { IssuedParticipantView } from '../../shared/api-types.ts'
import { bearer } from '../helpers/participants.ts'
import { pdfStructure } from '../helpers/pdf-structure.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'

const pageText = (pdf: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' })
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])

/** Issue 20, point 9: the bureau's codes are not printed among the cards the desk hands out. */
describe('the access sheet keeps the bureau’s codes apart', () => {
  let plenum: TestServer
  const dir = makeTempDir()
  beforeAll(async () => {
    plenum = await startTestServer()
  })
  afterAll(async () => {
    await plenum.close()
    dir.remove()
  })

  test('bureau cards come last, on a page of their own under a banner, each card marked; the desk’s pages hold none', async () => {
    const bureau = (await plenum.login()).token
    const url = `${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/participants`
    // The bureau member listed among the others, as a participants list from the association would.
    const rows = ['Anne Accueil;Commune A;a@example.fr;attendee', 'Basile Bureau;Villes Internet;b@example.fr;bureau', 'Chloé Déléguée;Commune C;c@example.fr;delegate', 'Denis Votant;Commune D;d@example.fr;attendee']
    const imported = await fetch(url, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'text/csv' }, body: `name;organisation;email;role\n${rows.join('\n')}\n` })
    const { participants } = (await imported.json()) as { participants: IssuedParticipantView[] }
    const body = JSON.stringify({ participants: participants.map(({ id, code }) => ({ id, code })) })
    const response = await fetch(`${url}/sheet.pdf`, { method: 'POST', headers: { ...bearer(bureau), 'content-type': 'application/json' }, body })
    expect(response.status).toBe(200)
    const pdf = join(dir.path, 'sheet.pdf')
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()))

    const basile = participants.find((p) => p.role === 'bureau')!
    const others = participants.filter((p) => p.role !== 'bureau')
    expect(pageCount(pdf)).toBe(2)
    const desk = pageText(pdf, 1)
    for (const p of others) expect(desk).toContain(p.code)
    expect(desk).not.toContain(basile.code)
    expect(desk).not.toContain('Basile Bureau')
    expect(desk).not.toContain('BUREAU')

    const apart = pageText(pdf, 2)
    expect(apart).toMatch(/^\s*CODES DU BUREAU — à garder à part/)
    expect(apart).toContain('Ne la remettez pas à l’accueil')
    expect(apart).toContain(basile.code)
    expect(apart).toContain('BUREAU — ne pas remettre à l’accueil')
    for (const p of others) expect(apart).not.toContain(p.code)

    // Read aloud in the same order: the desk's cards, then the banner, then the bureau's card.
    const headings = pdfStructure(pdf).filter((n) => n.tag === 'H1').map((n) => n.text)
    expect(headings).toEqual([...others.map((p) => p.name), 'CODES DU BUREAU — à garder à part', 'Basile Bureau'])
  })
})
