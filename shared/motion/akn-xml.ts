import type { CongressIdentity } from '../congress-identity.ts'
import { printable } from './printable.ts'

/** The OASIS LegalDocML namespace of Akoma Ntoso 3.0. */
export const aknNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** A text as XML character data or an attribute value: printable first (no character XML 1.0 forbids), then the five markup characters. */
export function xmlText(text: string): string {
  return printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

export type Attributes = Readonly<Record<string, string | number | null>>

/** Attributes in the order given (so the same motion is the same bytes), those null left out. */
function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== null)
    .map(([name, value]) => ` ${name}="${xmlText(String(value))}"`)
    .join('')
}

/** One element on one line; `inner` is XML already (escaped text, inline elements), or none for an empty element. */
export function element(name: string, attrs: Attributes = {}, inner?: string): string {
  return inner === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${inner}</${name}>`
}

/**
 * An indented XML document, built line by line: block elements each on their line, inline
 * content (a `p` with its `docNumber` or `mod`) kept on one, so no whitespace enters mixed content.
 */
export class XmlLines {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>']
  private depth = 0

  open(name: string, attrs: Attributes = {}): this {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(attrs)}>`)
    this.depth += 1
    return this
  }

  close(name: string): this {
    this.depth -= 1
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`)
    return this
  }

  /** An element on its own line (see `element`). */
  line(name: string, attrs: Attributes = {}, inner?: string): this {
    this.lines.push(`${'  '.repeat(this.depth)}${element(name, attrs, inner)}`)
    return this
  }

  /** An element already built (see `element`), on its own line. */
  raw(xml: string): this {
    this.lines.push(`${'  '.repeat(this.depth)}${xml}`)
    return this
  }

  comment(text: string): this {
    // "--" may not appear inside a comment; the comments are Plenum's own words, but a hyphen pair is cheap to avoid.
    this.lines.push(`${'  '.repeat(this.depth)}<!-- ${text.replace(/--/g, '- -')} -->`)
    return this
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`
  }
}

/** A date as FRBRdate takes it (xsd:date): the UTC day of an ISO date-time, or an ISO date as it is. */
export const isoDay = (iso: string) => iso.slice(0, 10)

/**
 * The motion's FRBR identifiers, after the Akoma Ntoso naming convention
 * (/akn/country/type/subtype/date/number, then language@version for the expression, then the
 * format for the manifestation): the work is the congress's motion, dated the congress; its
 * expression is the French text as frozen.
 */
export function motionUris(congress: CongressIdentity, frozenAt: string) {
  const work = `/akn/fr/statement/motion/${isoDay(congress.date)}/${encodeURIComponent(congress.id)}`
  const expression = `${work}/fra@${isoDay(frozenAt)}`
  return { work, expression, manifestation: `${expression}.akn` }
}

/** An adopted amendment's FRBR identifiers: a work of its own, numbered by its label within the congress, dated its merge. */
export function amendmentUris(congress: CongressIdentity, label: string, mergedAt: string) {
  const work = `/akn/fr/amendment/${isoDay(congress.date)}/${encodeURIComponent(congress.id)}-${encodeURIComponent(label)}`
  const expression = `${work}/fra@${isoDay(mergedAt)}`
  return { work, expression, manifestation: `${expression}.akn` }
}

/** A justification's paragraphs: one per line its authors wrote, blank lines left out. */
export function justificationParagraphs(justification: string): string[] {
  return justification
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}
