import { describe, expect, test } from 'vitest'
import type { RecordDocument } from '../../shared/record/record-document.ts'
import { renderRecordMarkdown, runsMarkdown } from '../../shared/record/render-record-markdown.ts'

const doc = (blocks: RecordDocument['blocks']): RecordDocument => ({ lang: 'en', title: 'T', subject: 'S', author: 'A', date: '2026-01-01T00:00:00Z', blocks })
const body = (record: RecordDocument) => renderRecordMarkdown(record).split('# T\n\n')[1]!

describe('a record document as Markdown', () => {
  test.each([
    [[{ text: 'a ' }, { text: 'bold', mark: 'strong' }, { text: ' b' }], 'a **bold** b'],
    // Spaces stay outside the delimiters: "** x**" would be no emphasis at all.
    [[{ text: 'a' }, { text: ' bold ', mark: 'strong' }, { text: 'b' }], 'a **bold** b'],
    [[{ text: 'x' }, { text: ' in ', mark: 'ins' }, { text: 'y' }, { text: 'out', mark: 'del' }], 'x <ins>in</ins> y<del>out</del>'],
    [[{ text: '# not a heading * _ ` < > | [x](y)' }], '\\# not a heading \\* \\_ \\` \\< \\> \\| \\[x\\](y)'],
    [[{ text: '1. not a list' }], '1\\. not a list'],
    [[{ text: '- not an item' }], '\\- not an item'],
    [[{ text: '&amp; stays text' }], '\\&amp; stays text'],
    [[{ text: '   ', mark: 'em' }, { text: 'x' }], 'x'],
  ] as const)('runs %j → %s', (runs, expected) => {
    expect(runsMarkdown(runs)).toBe(expected)
  })

  test('a table of short cells is a pipe table, its pipes escaped', () => {
    const md = body(
      doc([
        {
          kind: 'table',
          caption: 'Ballots',
          columns: [
            { title: 'Ballot', width: 0.5 },
            { title: 'Yes | No', width: 0.5 },
          ],
          rows: [
            [
              { kind: 'runs', paragraphs: [[{ text: 'Proposal 1' }]] },
              { kind: 'runs', paragraphs: [[{ text: '31 | 9' }]] },
            ],
            [{ kind: 'runs', paragraphs: [] }, { kind: 'runs', paragraphs: [[{ text: 'adopted', mark: 'strong' }]] }],
          ],
        },
      ]),
    )
    expect(md).toBe('**Ballots**\n\n| Ballot | Yes \\| No |\n| --- | --- |\n| Proposal 1 | 31 \\| 9 |\n|  | **adopted** |\n')
  })

  test('numbered lines: one paragraph of hard-broken lines per paragraph of the text, an added line marked "+"', () => {
    const md = body(
      doc([
        {
          kind: 'lines',
          lines: [
            { number: 1, paragraphStart: true, runs: [{ text: 'First line' }] },
            { number: 2, runs: [{ text: 'second line' }] },
            { number: null, paragraphStart: true, runs: [{ text: 'Added', mark: 'ins' }] },
          ],
        },
      ]),
    )
    expect(md).toBe('`1` First line\\\n`2` second line\n\n`+` <ins>Added</ins>\n')
  })

  test('headings sit one level below the title; the metadata comment cannot be closed early', () => {
    const md = renderRecordMarkdown({ ...doc([{ kind: 'heading', level: 3, text: 'Deep' }]), title: 'A --> B' })
    expect(md).toContain('\n#### Deep\n')
    expect(md).toContain('title: A - -> B')
    expect(md.indexOf('-->')).toBe(md.lastIndexOf('-->'))
  })
})
