import { spawnSync } from 'node:child_process'
import { expect } from 'vitest'
import { aknNamespace, amendmentUris, justificationParagraphs, motionUris } from '../../shared/motion/akn-xml.ts'
import { isCarried, type MotionData } from '../../shared/motion/motion-data.ts'
import { printable } from '../../shared/motion/printable.ts'

/**
 * Reads motion.akn.xml back with xmllint's XPath (libxml2, an XML reader that owes nothing to
 * Plenum's renderer), element by element, in the Akoma Ntoso namespace: `akn:p` in a path stands
 * for a `p` in that namespace and no other, so a file without it, or in another, reads as empty.
 */
export class AknReader {
  constructor(private readonly file: string) {}

  private run(expression: string): string {
    const xpath = expression.replace(/akn:([A-Za-z]+)/g, `*[local-name()='$1' and namespace-uri()='${aknNamespace}']`)
    const answer = spawnSync('xmllint', ['--xpath', xpath, this.file], { encoding: 'utf8' })
    if (answer.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${answer.stderr}`)
    return answer.stdout.replace(/\n$/, '')
  }

  /** The string value of the first node the path selects ('' for none). */
  text(path: string): string {
    return this.run(`string(${path})`)
  }

  count(path: string): number {
    return Number(this.run(`count(${path})`))
  }

  /** The string value of each node the path selects, in document order. */
  texts(path: string): string[] {
    return Array.from({ length: this.count(path) }, (_, i) => this.text(`(${path})[${i + 1}]`))
  }
}

export interface AknProposal {
  readonly eId: string
  readonly num: string
  readonly heading: string
  readonly paragraphs: readonly string[]
}

export interface AknQuestion {
  readonly num: string
  readonly heading: string
  readonly proposals: readonly AknProposal[]
}

export interface AknAmendment {
  readonly number: string
  readonly subtype: string
  readonly affected: string
  readonly related: string
  readonly heading: string
  readonly changes: readonly { readonly before: readonly string[]; readonly after: readonly string[] }[]
  readonly justification: readonly string[]
  readonly workDate: string
  readonly expressionDate: string
}

/** The motion as the file says it: FRBR, preamble, questions, adopted proposals, attached amendments. */
export function readMotionAkn(file: string) {
  const x = new AknReader(file)
  const statement = '/akn:akomaNtoso/akn:statement'
  const frbr = (level: string) => `${statement}/akn:meta/akn:identification/akn:${level}`
  const questions: AknQuestion[] = Array.from({ length: x.count(`${statement}/akn:mainBody/akn:section`) }, (_, i) => {
    const section = `${statement}/akn:mainBody/akn:section[${i + 1}]`
    return {
      num: x.text(`${section}/akn:num`),
      heading: x.text(`${section}/akn:heading`),
      proposals: Array.from({ length: x.count(`${section}/akn:paragraph`) }, (_, j) => {
        const paragraph = `${section}/akn:paragraph[${j + 1}]`
        return { eId: x.text(`${paragraph}/@eId`), num: x.text(`${paragraph}/akn:num`), heading: x.text(`${paragraph}/akn:heading`), paragraphs: x.texts(`${paragraph}/akn:content/akn:p`) }
      }),
    }
  })
  const amendments: AknAmendment[] = Array.from({ length: x.count(`${statement}/akn:attachments/akn:attachment`) }, (_, i) => {
    const doc = `${statement}/akn:attachments/akn:attachment[${i + 1}]/akn:amendment`
    const work = `${doc}/akn:meta/akn:identification/akn:FRBRWork`
    const content = `${doc}/akn:amendmentBody/akn:amendmentContent`
    return {
      number: x.text(`${work}/akn:FRBRnumber/@value`),
      subtype: x.text(`${work}/akn:FRBRsubtype/@value`),
      affected: x.text(`${doc}/akn:preface//akn:affectedDocument/@href`),
      related: x.text(`${doc}/akn:preface//akn:relatedDocument/@href`),
      heading: x.text(`${doc}/akn:amendmentBody/akn:amendmentHeading/akn:p`),
      changes: Array.from({ length: x.count(`${content}/akn:p/akn:mod`) }, (_, j) => {
        const mod = `(${content}/akn:p/akn:mod)[${j + 1}]`
        return { before: x.texts(`${mod}/akn:quotedStructure[@class='before']/akn:p`), after: x.texts(`${mod}/akn:quotedStructure[@class='after']/akn:p`) }
      }),
      justification: x.texts(`${doc}/akn:amendmentBody/akn:amendmentJustification/akn:p`),
      workDate: x.text(`${work}/akn:FRBRdate/@date`),
      expressionDate: x.text(`${doc}/akn:meta/akn:identification/akn:FRBRExpression/akn:FRBRdate/@date`),
    }
  })
  return {
    work: {
      uri: x.text(`${frbr('FRBRWork')}/akn:FRBRuri/@value`),
      date: x.text(`${frbr('FRBRWork')}/akn:FRBRdate/@date`),
      country: x.text(`${frbr('FRBRWork')}/akn:FRBRcountry/@value`),
      author: x.text(`${frbr('FRBRWork')}/akn:FRBRauthor/@href`),
    },
    expression: { date: x.text(`${frbr('FRBRExpression')}/akn:FRBRdate/@date`), language: x.text(`${frbr('FRBRExpression')}/akn:FRBRlanguage/@language`) },
    manifestation: { date: x.text(`${frbr('FRBRManifestation')}/akn:FRBRdate/@date`), format: x.text(`${frbr('FRBRManifestation')}/akn:FRBRformat/@value`) },
    title: x.text(`${statement}/akn:preface/akn:longTitle//akn:docTitle`),
    preamble: x.texts(`${statement}/akn:preamble/akn:p`),
    questions,
    /** The amendments that changed the motion, as its own metadata names them. */
    passiveRefs: x.texts(`${statement}/akn:meta/akn:references/akn:passiveRef/@href`),
    amendments,
  }
}

/**
 * What the file must say of a motion, from its MotionData: the same shape as readMotionAkn's, each
 * text as every format prints it (printable: control characters as U+FFFD, line breaks as spaces).
 */
export function expectedFromMotion(motion: MotionData) {
  const p = printable
  const work = motionUris(motion.congress, motion.frozenAt).work
  return {
    work: { uri: work, date: motion.congress.date, country: 'fr', author: '#congress' },
    expression: { date: motion.frozenAt.slice(0, 10), language: 'fra' },
    manifestation: { date: motion.frozenAt.slice(0, 10), format: 'application/akn+xml' },
    title: p(motion.congress.title),
    preamble: motion.preamble.map(p),
    questions: motion.themes.map((t) => ({
      num: `${t.position}`,
      heading: p(t.title),
      proposals: t.proposals.filter(isCarried).map((pr) => ({ eId: `sec_${t.position}__para_${pr.number}`, num: `${pr.number}`, heading: p(pr.title), paragraphs: pr.paragraphs.length === 0 ? [''] : pr.paragraphs.map(p) })),
    })),
    passiveRefs: motion.amendmentsMerged.filter((a) => a.amends === null).map((a) => amendmentUris(motion.congress, a.label, a.mergedAt).work),
    amendments: motion.amendmentsMerged.map((a) => ({
      number: a.label,
      subtype: a.amends === null ? 'amendment' : 'subAmendment',
      affected: a.amends === null ? work : amendmentUris(motion.congress, a.amends, a.mergedAt).work,
      related: a.amends === null ? '' : work,
      heading: expect.any(String) as unknown as string,
      changes: a.changes.map((c) => ({ before: c.before.map(p), after: c.after.map(p) })),
      justification: justificationParagraphs(a.justification).map(p),
      workDate: a.mergedAt.slice(0, 10),
      expressionDate: a.mergedAt.slice(0, 10),
    })),
  }
}
