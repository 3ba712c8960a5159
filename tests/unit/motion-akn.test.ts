import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import type { MotionData, VoteSummary } from '../../shared/motion/motion-data.ts'
import { renderMotionAkn } from '../../shared/motion/render-akn.ts'
import { AknReader, expectedFromMotion, readMotionAkn } from '../helpers/akn-reader.ts'
import { makeTempDir } from '../helpers/temp-dir.ts'

const hostile = `<script>&"'`
const votes: VoteSummary = { yes: 12, no: 3, abstain: 1, expressed: 15, entitled: 20, outcome: 'adopted', publishedAt: '2026-12-03T10:00:00.000Z', room: null, block: null, division: null }

/** A motion with every shape the file must carry, and texts that are markup, entities and control characters. */
const motion: MotionData = {
  format: 'plenum-motion/1',
  congress: { id: 'congres-2026', title: `Congrès ${hostile}`, edition: 12, organisation: 'Fédération & <co>', place: 'Lyon\n# ville', date: '2026-12-03' },
  frozenAt: '2026-12-04T23:30:00.000Z',
  preamble: ['Le congrès,', `Considérant ${hostile} et &amp; ;`, 'Avant\u0001 le contrôle\u000B et après.'],
  themes: [
    {
      position: 1,
      title: `Question ${hostile}`,
      proposals: [
        { number: 1, title: hostile, paragraphs: ['Premier alinéa ]]> <!-- pas un commentaire -->', 'Second & dernier.'], outcome: 'adopted', votes },
        { number: 2, title: 'Rejetée', paragraphs: ['Non.'], outcome: 'rejected', votes: { ...votes, outcome: 'rejected' } },
        { number: 3, title: 'Sans texte', paragraphs: [], outcome: 'adopted', votes: null },
      ],
    },
    { position: 2, title: 'Question sans proposition adoptée', proposals: [{ number: 4, title: 'Jamais votée', paragraphs: ['x'], outcome: null, votes: null }] },
  ],
  motionVotes: votes,
  amendmentsMerged: [
    {
      label: 'P1-A1-S1',
      proposalNumber: 1,
      amends: 'P1-A1',
      mergedAt: '2026-12-02T09:00:00.000Z',
      votes: null,
      lines: [{ from: 2, to: 2 }],
      changes: [{ paragraph: 2, before: ['z'], after: [] }],
      justification: '',
    },
    {
      label: 'P1-A1',
      proposalNumber: 1,
      amends: null,
      mergedAt: '2026-12-02T10:00:00.000Z',
      votes,
      lines: [{ from: 1, to: 3 }],
      changes: [
        { paragraph: 1, before: ['Premier alinéa'], after: ['Premier alinéa ]]> <!-- pas un commentaire -->'] },
        { paragraph: 3, before: [], after: ['Second & dernier.'] },
      ],
      justification: `Parce que ${hostile}.\n\nEt\u0007 ensuite.`,
    },
    { label: 'PR-A1', proposalNumber: null, amends: null, mergedAt: '2026-12-01T10:00:00.000Z', votes: null, lines: [], changes: [], justification: 'Identique à un autre.' },
  ],
}

describe('motion.akn.xml: the motion as an Akoma Ntoso 3.0 statement', () => {
  const work = makeTempDir('plenum-akn-')
  afterAll(() => work.remove())
  const file = join(work.path, 'motion.akn.xml')
  const xml = renderMotionAkn(motion)
  writeFileSync(file, xml)

  test('well-formed and namespace-well-formed XML, its root akomaNtoso in the OASIS namespace, a statement inside', () => {
    const lint = spawnSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' })
    expect(lint.status, lint.stderr).toBe(0)
    expect(lint.stderr).toBe('')
    const x = new AknReader(file)
    expect(x.count('/akn:akomaNtoso/akn:statement[@name="motion"]')).toBe(1)
    // Every element is Akoma Ntoso's: none in another namespace or none.
    expect(x.count(`//*[namespace-uri()!='http://docs.oasis-open.org/legaldocml/ns/akn/3.0']`)).toBe(0)
  })

  test('rendered twice, the same bytes', () => {
    expect(renderMotionAkn(structuredClone(motion))).toBe(xml)
  })

  test('reads back into the motion: FRBR, preamble, questions, adopted proposals, each amendment with its words', () => {
    expect(readMotionAkn(file)).toEqual(expectedFromMotion(motion))
  })

  test('markup in any text is text: a title <script>&"\' reads back as itself, and no element is made of it', () => {
    const read = readMotionAkn(file)
    expect(read.questions[0]!.proposals[0]!.heading).toBe(hostile)
    expect(read.title).toBe(`Congrès ${hostile}`)
    const x = new AknReader(file)
    expect(x.count('//script')).toBe(0)
    expect(x.count('//comment()')).toBe(0)
    expect(xml).not.toContain('<script>')
    // Control characters XML cannot carry are U+FFFD, line breaks are spaces.
    expect(read.preamble[2]).toBe('Avant\ufffd le contrôle  et après.')
    expect(read.amendments[1]!.justification).toEqual([`Parce que ${hostile}.`, 'Et\ufffd ensuite.'])
  })

  test('what is not carried is not a paragraph: a rejected or unvoted proposal is listed in the conclusions, a question without one says so', () => {
    const x = new AknReader(file)
    expect(x.texts('//akn:mainBody//akn:paragraph/akn:num')).toEqual(['1', '3'])
    expect(x.text('//akn:mainBody/akn:section[2]/akn:content/akn:p')).toBe('Aucune proposition adoptée sous cette question.')
    const conclusions = x.texts('//akn:conclusions//akn:p')
    expect(conclusions.some((p) => p.startsWith('Proposition 2 — Rejetée : Pour 12'))).toBe(true)
    expect(conclusions.some((p) => p === 'Proposition 4 — Jamais votée : non mise aux voix.')).toBe(true)
    expect(conclusions[0]).toContain('Vote sur l’ensemble de la motion : Pour 12')
  })

  test('each adopted amendment is an amendment document referring to what it amends, dated in the motion’s lifecycle', () => {
    const x = new AknReader(file)
    const read = readMotionAkn(file)
    expect(read.amendments.map((a) => a.heading)).toEqual(['Amendement P1-A1 (proposition 1)', `Proposition 1 — ${hostile}`, 'Préambule'])
    // The sub-amendment amends its amendment; the motion is what it relates to.
    expect(read.amendments[0]!.affected).toBe('/akn/fr/amendment/2026-12-03/congres-2026-P1-A1')
    expect(read.amendments[0]!.related).toBe(read.work.uri)
    // The motion names the amendments that changed it, and dates each change.
    expect(x.texts('//akn:lifecycle/akn:eventRef/@type')).toEqual(['generation', 'amendment', 'amendment'])
    expect(x.texts('//akn:lifecycle/akn:eventRef/@date')).toEqual(['2026-12-03', '2026-12-02', '2026-12-01'])
    // The words of a change, and the French instruction around them.
    const mods = x.texts('(//akn:amendment)[2]//akn:amendmentContent/akn:p')
    expect(mods).toEqual([
      'Lignes 1 à 3 du texte tel qu’il était avant son intégration.',
      'Remplacer le paragraphe 1 : Premier alinéa par : Premier alinéa ]]> <!-- pas un commentaire -->',
      'Après le paragraphe 2, insérer : Second & dernier.',
    ])
    expect(x.texts('(//akn:amendment)[3]//akn:amendmentContent/akn:p')).toEqual(['Le texte n’en est pas modifié.'])
    expect(x.text('(//akn:amendment)[2]/akn:meta/akn:notes/akn:note/akn:p')).toMatch(/^Pour 12, contre 3, abstentions 1 .*: adoptée\.$/)
  })
})
