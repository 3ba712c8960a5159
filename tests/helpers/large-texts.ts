import { maxTextChars } from '../../shared/editor/text-limits.ts'

/**
 * Large texts for the word diff at scale, the same on every run (a seeded generator): a proposal of
 * n words in paragraphs of 40, and either a full rewrite of it (another draw of the same French
 * vocabulary, so the two share many short words, as real rewrites do) or the same text with one
 * word in 25 replaced. And the most words the text cap allows: maxTextChars of one-letter words.
 */
export type LargeTextCase = 'rewrite-4000' | 'rewrite-20000' | 'edits-20000' | 'cap-rewrite'

const vocabulary = (
  'le la les de des du un une et à en dans pour par sur au aux est sont que qui ne pas plus ' +
  'commune communes conseil maire habitants données publiques ouvertes agent agents formation rapport annuel ' +
  'budget participatif quartier école écoles transport vélo piste logement social énergie sobriété ' +
  'numérique responsable service public accès droit égalité santé culture sport association projet'
).split(' ')

function generator(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x80000000
  }
}

function draw(words: number, seed: number, first: string): string[] {
  const random = generator(seed)
  const all = Array.from({ length: words }, (_, i) => (i === 0 ? first : vocabulary[Math.floor(random() * vocabulary.length)]!))
  const paragraphs: string[] = []
  for (let i = 0; i < all.length; i += 40) paragraphs.push(all.slice(i, i + 40).join(' ') + '.')
  return paragraphs
}

/** One word in 25 replaced by a word the proposal never uses: 4 % of the words changed, in place. */
function edited(paragraphs: readonly string[]): { text: string[]; replaced: number } {
  let index = 0
  let replaced = 0
  const text = paragraphs.map((p) =>
    p
      .split(' ')
      .map((w) => (++index % 25 === 0 ? `modifié${++replaced}` : w))
      .join(' '),
  )
  return { text, replaced }
}

/** Paragraphs of 40 one-letter words drawn from `letters`, maxTextChars characters in all. */
function letters(alphabet: string, seed: number): string[] {
  const random = generator(seed)
  const paragraphs: string[] = []
  let length = 0
  while (length + 80 <= maxTextChars) {
    paragraphs.push(Array.from({ length: 40 }, () => alphabet[Math.floor(random() * alphabet.length)]).join(' '))
    length += 79
  }
  return paragraphs
}

export function largeTextCase(name: LargeTextCase): { base: string[]; amended: string[]; replaced?: number } {
  if (name === 'cap-rewrite') return { base: letters('abcdefghij', 1), amended: letters('klmnopqrst', 2) }
  const words = name.endsWith('20000') ? 20_000 : 4_000
  const base = draw(words, 1, 'Considérant')
  if (name.startsWith('rewrite')) return { base, amended: draw(words, 2, 'Attendu') }
  const { text, replaced } = edited(base)
  return { base, amended: text, replaced }
}
