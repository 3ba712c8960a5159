// Run by tests/integration/record-formats.test.ts in a fresh process, in another time zone:
// `node --import tsx record-render-child.ts <dir>` writes the fixture in every format to <dir>,
// so the test compares them with its own renderings byte for byte.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderRecordDocx } from '../../server/record/render-record-docx.ts'
import { renderRecordOdt } from '../../server/record/render-record-odt.ts'
import { renderRecordPdf } from '../../server/record/render-record-pdf.ts'
import { renderRecordMarkdown } from '../../shared/record/render-record-markdown.ts'
import { recordFixture } from './record-fixture.ts'

const dir = process.argv[2]!
writeFileSync(join(dir, 'child.pdf'), await renderRecordPdf(recordFixture))
writeFileSync(join(dir, 'child.docx'), await renderRecordDocx(recordFixture))
writeFileSync(join(dir, 'child.odt'), renderRecordOdt(recordFixture))
writeFileSync(join(dir, 'child.md'), renderRecordMarkdown(recordFixture))
