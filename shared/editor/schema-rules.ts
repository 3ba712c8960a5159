import type { ContentMatch, Schema } from '@tiptap/pm/model'
import { editorSchema } from './doc-state.ts'

/**
 * What the editor schema allows, in the terms of the Yjs tree that holds a document: which
 * elements may sit under which (order and counts aside: a concurrent deletion may leave a list
 * item briefly without its paragraph, which the editor repairs and the seal reads fine), which
 * attributes an element carries, which marks format a text.
 */
export interface SchemaRules {
  /** Element names and `text` (a Y.XmlText) allowed under each element; `doc` is the root fragment. */
  readonly children: ReadonlyMap<string, ReadonlySet<string>>
  readonly attributes: ReadonlyMap<string, ReadonlySet<string>>
  readonly marks: ReadonlySet<string>
}

function reachableTypes(start: ContentMatch): Set<string> {
  const names = new Set<string>()
  const seen = new Set<ContentMatch>()
  const stack = [start]
  while (stack.length > 0) {
    const match = stack.pop()!
    if (seen.has(match)) continue
    seen.add(match)
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i)
      names.add(edge.type.name)
      stack.push(edge.next)
    }
  }
  return names
}

export function schemaRules(schema: Schema): SchemaRules {
  const children = new Map<string, Set<string>>()
  const attributes = new Map<string, Set<string>>()
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (name === 'text') continue
    children.set(name, reachableTypes(type.contentMatch))
    attributes.set(name, new Set(Object.keys(type.spec.attrs ?? {})))
  }
  return { children, attributes, marks: new Set(Object.keys(schema.marks)) }
}

export const editorRules = schemaRules(editorSchema)

/** y-prosemirror names a mark that may overlap itself `name--<8 base64 chars>`. */
export function markNameOfAttribute(key: string): string {
  return /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key
}
