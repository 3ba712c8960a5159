import type { CongressIdentity } from '../congress-identity.ts'
import type { XmlLines } from './akn-xml.ts'

/** Who says what in the metadata: `#plenum` the software that sealed it, `#congress` the assembly, `#author` the role. */
export const source = '#plenum'

interface Dated {
  readonly date: string
  /** What the date is (FRBRdate's name): the congress, the adoption, the freeze… */
  readonly name: string
}

export interface Identification {
  readonly uris: { readonly work: string; readonly expression: string; readonly manifestation: string }
  readonly subtype: string
  /** FRBRnumber: what the document is numbered (an amendment's label); null for none. */
  readonly number: string | null
  readonly workDate: Dated
  readonly expressionDate: Dated
  /** The manifestation, this file, is made at the seal. */
  readonly sealedOn: string
}

/**
 * The FRBR identification every Akoma Ntoso document opens with: the work (what the document is,
 * whoever expresses it), its expression (the French text at a date), its manifestation (this XML
 * file), each with FRBRthis (the main component), FRBRuri, a date, an author, then the work's
 * country and the expression's language (ISO 639-2: fra).
 */
export function writeIdentification(x: XmlLines, id: Identification): void {
  const { work, expression, manifestation } = id.uris
  x.open('identification', { source })
  x.open('FRBRWork')
  x.line('FRBRthis', { value: `${work}/!main` })
  x.line('FRBRuri', { value: work })
  x.line('FRBRdate', { date: id.workDate.date, name: id.workDate.name })
  x.line('FRBRauthor', { href: '#congress', as: '#author' })
  x.line('FRBRcountry', { value: 'fr' })
  x.line('FRBRsubtype', { value: id.subtype })
  if (id.number !== null) x.line('FRBRnumber', { value: id.number })
  x.close('FRBRWork')
  x.open('FRBRExpression')
  x.line('FRBRthis', { value: `${expression}/!main` })
  x.line('FRBRuri', { value: expression })
  x.line('FRBRdate', { date: id.expressionDate.date, name: id.expressionDate.name })
  x.line('FRBRauthor', { href: '#congress', as: '#author' })
  x.line('FRBRlanguage', { language: 'fra' })
  x.close('FRBRExpression')
  x.open('FRBRManifestation')
  x.line('FRBRthis', { value: `${expression}/!main.xml` })
  x.line('FRBRuri', { value: manifestation })
  x.line('FRBRdate', { date: id.sealedOn, name: 'seal' })
  x.line('FRBRauthor', { href: source })
  x.line('FRBRformat', { value: 'application/akn+xml' })
  x.close('FRBRManifestation')
  x.close('identification')
}

/** The people and things the metadata points at (Top Level Classes), after the document references it carries. */
export function writeTopLevelClasses(x: XmlLines, congress: CongressIdentity): void {
  x.line('TLCOrganization', { eId: 'congress', href: `/ontology/organization/congress/${encodeURIComponent(congress.id)}`, showAs: `${congress.organisation} — ${congress.title}` })
  x.line('TLCOrganization', { eId: 'plenum', href: '/ontology/organization/plenum', showAs: 'Plenum' })
  x.line('TLCRole', { eId: 'author', href: '/ontology/role/author', showAs: 'Auteur' })
}
