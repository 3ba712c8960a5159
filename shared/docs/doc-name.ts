/** What a collaborative document holds. One Y.Doc per text. */
export const docKinds = ['preamble', 'proposal', 'amendment'] as const
export type DocKind = (typeof docKinds)[number]

export interface DocAddress {
  readonly congressId: string
  readonly kind: DocKind
  readonly id: string
}

const segment = /^[A-Za-z0-9_-]{1,64}$/

/** A document's name, `<congress>/<kind>/<id>`: what the sync socket is addressed by. */
export function formatDocName(address: DocAddress): string {
  return `${address.congressId}/${address.kind}/${address.id}`
}

export function parseDocName(name: string): DocAddress | undefined {
  const parts = name.split('/')
  if (parts.length !== 3) return undefined
  const [congressId = '', kind = '', id = ''] = parts
  if (!segment.test(congressId) || !segment.test(id)) return undefined
  if (!(docKinds as readonly string[]).includes(kind)) return undefined
  return { congressId, kind: kind as DocKind, id }
}

/** The preamble has one document per congress. */
export const preambleDocId = 'main'
