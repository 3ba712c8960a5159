import { describe, expect, test } from 'vitest'
import { escapeMarkdown } from '../../shared/motion/render-markdown.ts'
import { printable } from '../../shared/motion/printable.ts'
import { parseSums } from '../../shared/seal/sha256sums.ts'

describe('printable: what every rendering of the sealed motion prints of a text', () => {
  test.each([
    ['plain text', 'Le congrès demande.', 'Le congrès demande.'],
    ['line breaks of every kind become spaces', 'a\nb\r\nc\rd\u2028e\u2029f\u0085g', 'a b c d e f g'],
    ['tab, vertical tab and form feed become spaces', 'a\tb\u000bc\u000cd', 'a b c d'],
    ['C0 controls XML forbids become U+FFFD', 'a\u0000b\u0001c\u001fd', 'a\ufffdb\ufffdc\ufffdd'],
    ['DEL and C1 controls become U+FFFD', 'a\u007fb\u0080c\u009fd', 'a\ufffdb\ufffdc\ufffdd'],
    ['non-characters U+FFFE and U+FFFF become U+FFFD', 'a\ufffeb\uffffc', 'a\ufffdb\ufffdc'],
    ['a lone surrogate becomes U+FFFD, a pair stays', 'a\ud800b\udc00c\u{1f5f3}', 'a\ufffdb\ufffdc\u{1f5f3}'],
  ])('%s', (_, input, output) => expect(printable(input)).toBe(output))
})

describe('escapeMarkdown: a text stays one line of text in motion.md', () => {
  test.each([
    ['a heading marker', '# Titre', '\\# Titre'],
    ['a list marker', '- puce', '\\- puce'],
    ['a plus list marker', '+ puce', '\\+ puce'],
    ['an ordered list', '1. premier', '1\\. premier'],
    ['an ordered list with a parenthesis', '12) douze', '12\\) douze'],
    ['a quote', '> citation', '\\> citation'],
    ['a table row', '| a | b |', '\\| a \\| b \\|'],
    ['a setext underline', '===', '\\==='],
    ['a rule', '---', '\\---'],
    ['a tilde fence', '~~~', '\\~\\~\\~'],
    ['a backtick fence', '```', '\\`\\`\\`'],
    ['indented code', '    code', 'code'],
    ['an entity', 'A &amp; B &#169; & C', 'A \\&amp; B &\\#169; & C'],
    ['emphasis and links', '*a* _b_ [c](d) <e>', '\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\>'],
    ['a line break before a heading', 'texte\n# titre', 'texte \\# titre'],
    ['numbers inside a line are left alone', 'Article 3. Les élus', 'Article 3. Les élus'],
  ])('%s', (_, input, output) => expect(escapeMarkdown(input)).toBe(output))
})

describe('parseSums: SHA256SUMS in the seal’s own format only', () => {
  const line = (name: string) => `${'a'.repeat(64)}  ${name}`
  test('reads sha256sum’s text lines', () => {
    expect(parseSums(`${line('motion.md')}\n${line('SHA256SUMS.sig')}\n`)).toEqual({ ok: true, entries: [{ name: 'motion.md', sha256: 'a'.repeat(64) }, { name: 'SHA256SUMS.sig', sha256: 'a'.repeat(64) }] })
  })
  test.each([
    ['binary mode', `${'a'.repeat(64)} *motion.md`],
    ['a path', line('../motion.md')],
    ['a sub-folder', line('x/motion.md')],
    ['upper-case hex', `${'A'.repeat(64)}  motion.md`],
    ['an escaped name', `\\${line('mo\\ntion.md')}`],
  ])('refuses %s', (_, text) => expect(parseSums(text).ok).toBe(false))
  test('refuses a name listed twice', () => expect(parseSums(`${line('motion.md')}\n${line('motion.md')}\n`).ok).toBe(false))
})
