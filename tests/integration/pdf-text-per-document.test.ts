import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { openTaggedPdf } from '../../server/tagged-pdf.ts'

/**
 * A PDF reads as the text it holds, whatever the process rendered before it. The fonts are parsed
 * once per process; a glyph met first inside another (the E of É, when a subset is written) once
 * came without its character, and every later document's "E" read as nothing (pdftotext:
 * "mpreinte"), so the same content gave different bytes after another document.
 */
describe('the text of a PDF, rendered after others', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-pdf-text-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function render(text: string): Promise<Buffer> {
    const { doc, done } = await openTaggedPdf({ title: 'Essai', subject: 'Essai', author: 'Plenum', lang: 'fr-FR', date: '2026-12-03T13:05:00Z' }, { archival: true })
    doc.text(text)
    doc.end()
    return done
  }
  function textOf(pdf: Buffer, name: string): string {
    const file = join(dir, name)
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  }

  test('an "E" reads as E after a document that wrote only "É"', async () => {
    expect(textOf(await render('Élan de l’État'), 'accents.pdf')).toContain('Élan de l’État')
    const after = await render('Empreinte')
    expect(textOf(after, 'after.pdf')).toContain('Empreinte')
    // The same content, the same bytes, now that the fonts have met every glyph involved.
    expect((await render('Empreinte')).equals(after)).toBe(true)
  })

  test('the same in bold, for a title', async () => {
    // The same in bold, which the test above did not use: its first document writes É and no E.
    const { doc, done } = await openTaggedPdf({ title: 'Essai', subject: 'Essai', author: 'Plenum', lang: 'fr-FR', date: '2026-12-03T13:05:00Z' }, { archival: true })
    doc.font('bold').text('Émile, Éloïse')
    doc.end()
    await done
    const next = await openTaggedPdf({ title: 'Essai', subject: 'Essai', author: 'Plenum', lang: 'fr-FR', date: '2026-12-03T13:05:00Z' }, { archival: true })
    next.doc.font('bold').text('Exposé des motifs')
    next.doc.end()
    expect(textOf(await next.done, 'bold.pdf')).toContain('Exposé des motifs')
  })
})
