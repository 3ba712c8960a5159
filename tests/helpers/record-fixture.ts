import type { RecordDocument, RecordLine } from '../../shared/record/record-document.ts'

const base: RecordLine[] = [
  { number: 1, paragraphStart: true, runs: [{ text: 'L’État garantit à chaque commune un accès au très haut débit avant 2030, et publie ' }] },
  { number: 2, runs: [{ text: 'chaque année la carte des zones blanches & des « <zones grises> ».' }] },
  { number: 3, paragraphStart: true, runs: [{ text: 'Les collectivités sont associées au suivi du déploiement.' }] },
]
const amended: RecordLine[] = [
  { number: 1, paragraphStart: true, runs: [{ text: 'L’État garantit à chaque commune ' }, { text: 'et à chaque école ', mark: 'ins' }, { text: 'un accès au très haut débit avant ' }, { text: '2030', mark: 'del' }, { text: '2028', mark: 'ins' }, { text: ', et publie ' }] },
  { number: 2, runs: [{ text: 'chaque année la carte des zones blanches & des « <zones grises> ».' }] },
  { number: null, paragraphStart: true, runs: [{ text: 'Un observatoire indépendant en rend compte chaque semestre.', mark: 'ins' }] },
  { number: 3, paragraphStart: true, runs: [{ text: 'Les collectivités sont associées au suivi du déploiement.' }] },
]

/**
 * A record document made by hand, with every kind of block: headings of three levels, paragraphs
 * with marks, a list, numbered lines, and a three-column table of numbered lines with insertions and
 * deletions (the comparative table's shape). Its texts hold XML's and Markdown's special characters.
 */
export const recordFixture: RecordDocument = {
  lang: 'fr',
  title: 'Congrès national des élus au numérique — procès-verbal',
  subject: 'Procès-verbal du congrès',
  author: 'Villes Internet & associés',
  date: '2026-03-14T17:45:00.000Z',
  blocks: [
    { kind: 'heading', level: 1, text: 'Séance du 14 mars 2026' },
    { kind: 'paragraph', runs: [{ text: 'La séance est ouverte à 9 h 30 sous la présidence de ' }, { text: 'Mme Anne Présidente', mark: 'strong' }, { text: ', assistée du ' }, { text: 'bureau', mark: 'em' }, { text: '.' }] },
    { kind: 'heading', level: 2, text: 'Présents et pouvoirs' },
    { kind: 'list', items: [[{ text: 'Anne Présidente (bureau)' }], [{ text: 'Bruno Votant, porteur du pouvoir de Chloé Votante' }], [{ text: 'Délégués présents : 42 ; pouvoirs : 7 * 2 = _14_' }]] },
    { kind: 'heading', level: 3, text: 'Proposition 1 — Le très haut débit partout' },
    { kind: 'lines', lines: base },
    { kind: 'paragraph', runs: [{ text: 'Scrutin n° 3 : pour 31, contre 9, abstention 2. Adopté à la majorité simple.' }] },
    { kind: 'heading', level: 1, text: 'Tableau comparatif' },
    {
      kind: 'table',
      caption: 'Proposition 1 : texte de base, amendement P1-A1 (adopté) et texte adopté',
      columns: [
        { title: 'Texte de base', width: 0.32 },
        { title: 'Amendement P1-A1 (adopté)', width: 0.36 },
        { title: 'Texte adopté', width: 0.32 },
      ],
      rows: [
        [
          { kind: 'lines', lines: base },
          { kind: 'lines', lines: amended },
          { kind: 'lines', lines: amended.map((l) => ({ ...l, runs: l.runs.filter((r) => r.mark !== 'del').map((r) => ({ text: r.text })) })) },
        ],
        [{ kind: 'runs', paragraphs: [[{ text: 'Exposé des motifs' }]] }, { kind: 'runs', paragraphs: [[{ text: 'Les écoles d’abord.' }], [{ text: 'Avis du bureau : favorable.', mark: 'em' }]] }, { kind: 'runs', paragraphs: [] }],
      ],
    },
    { kind: 'paragraph', runs: [{ text: 'La séance est levée à 18 h.' }] },
  ],
}

/** Every text of the fixture a reader must find in any rendering (the plain text of each block). */
export const fixtureTexts = (): string[] => {
  const texts: string[] = [recordFixture.title]
  const runs = (rs: readonly { text: string }[]) => rs.map((r) => r.text).join('')
  for (const block of recordFixture.blocks) {
    if (block.kind === 'heading') texts.push(block.text)
    if (block.kind === 'paragraph') texts.push(runs(block.runs))
    if (block.kind === 'list') texts.push(...block.items.map(runs))
    if (block.kind === 'lines') texts.push(...block.lines.map((l) => runs(l.runs).trim()))
    if (block.kind === 'table') {
      texts.push(block.caption, ...block.columns.map((c) => c.title))
      for (const row of block.rows) for (const cell of row) texts.push(...(cell.kind === 'lines' ? cell.lines.map((l) => runs(l.runs).trim()) : cell.paragraphs.map(runs)))
    }
  }
  return texts
}
