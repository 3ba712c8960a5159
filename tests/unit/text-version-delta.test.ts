import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { createDocState, docParagraphs, paragraphsToContent } from '../../shared/editor/doc-state.ts'
import { docField } from '../../shared/editor/extensions.ts'
import { restoreUpdate } from '../../server/history/restore-update.ts'
import { rebuildDoc, versionDelta } from '../../server/history/version-delta.ts'

/** A document round-tripped through storage as the server keeps it: folded with garbage collection. */
function stored(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

function lastText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(docField).toArray().at(-1) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

describe('a version as a delta', () => {
  test('deltas rebuild every version exactly, although the live document (gc) dropped what was deleted since', () => {
    const live = new Y.Doc({ gc: true })
    Y.applyUpdate(live, createDocState(paragraphsToContent(['Le numérique pour tous.'])))
    const deltas: Uint8Array[] = []
    const texts: string[][] = []
    let previous: Y.Doc | undefined
    /** What Yjs's own updates against the previous state vector would weigh: each with the whole delete set. */
    let plain = 0
    let seed = 3
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let v = 0; v < 40; v++) {
      for (let i = 0; i < 50; i++) {
        const text = lastText(live)
        if (random() < 0.7 || text.length < 10) text.insert(Math.floor(random() * text.length), 'mot ')
        else text.delete(Math.floor(random() * (text.length - 4)), 3)
      }
      if (v % 10 === 9) {
        // A whole paragraph deleted: its items become garbage-collected structs in the live document.
        live.getXmlFragment(docField).delete(0, 1)
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText('Un nouveau paragraphe.')])
        live.getXmlFragment(docField).push([p])
      }
      const current = stored(live)
      const { delta, changed } = versionDelta(current, previous)
      plain += Y.encodeStateAsUpdate(current, previous && Y.encodeStateVector(previous)).byteLength
      expect(changed).toBe(true)
      deltas.push(delta)
      texts.push(docParagraphs(live))
      previous?.destroy()
      previous = rebuildDoc(deltas)
      current.destroy()
    }
    for (let n = 1; n <= deltas.length; n++) expect(docParagraphs(rebuildDoc(deltas.slice(0, n)))).toEqual(texts[n - 1])
    // Each delta carries only the deletions made since the version before, not the whole delete set again.
    const ours = deltas.reduce((sum, d) => sum + d.byteLength, 0)
    console.log(`40 versions: ${ours} bytes as deltas, ${plain} bytes with the whole delete set in each`)
    expect(ours).toBeLessThan(plain)
  })

  test('a version after many scattered corrections carries none of them again', () => {
    const live = new Y.Doc({ gc: true })
    Y.applyUpdate(live, createDocState(paragraphsToContent(['x'.repeat(2_000)])))
    // 300 corrections, each its own range of the delete set.
    for (let i = 0; i < 300; i++) lastText(live).delete(i * 5, 1)
    const first = versionDelta(stored(live), undefined).delta
    const previous = rebuildDoc([first])
    lastText(live).insert(0, 'Un mot. ')
    const current = stored(live)
    const { delta } = versionDelta(current, previous)
    const plain = Y.encodeStateAsUpdate(current, Y.encodeStateVector(previous))
    expect(plain.byteLength).toBeGreaterThan(600)
    expect(delta.byteLength).toBeLessThan(40)
    expect(docParagraphs(rebuildDoc([first, delta]))).toEqual(docParagraphs(live))
  })

  test('a deletion alone is a change (the state vector does not move); nothing new is none', () => {
    const live = new Y.Doc({ gc: true })
    Y.applyUpdate(live, createDocState(paragraphsToContent(['Une phrase à raccourcir.'])))
    const first = versionDelta(stored(live), undefined)
    const previous = rebuildDoc([first.delta])
    expect(versionDelta(stored(live), previous).changed).toBe(false)
    lastText(live).delete(0, 4)
    const second = versionDelta(stored(live), previous)
    expect(second.changed).toBe(true)
    expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(previous))
    expect(docParagraphs(rebuildDoc([first.delta, second.delta]))).toEqual(['phrase à raccourcir.'])
  })
})

describe('a restore as a new change', () => {
  test('makes the text read as the version again, keeping the paragraphs both share', () => {
    const version = new Y.Doc()
    Y.applyUpdate(version, createDocState(paragraphsToContent(['Premier.', 'Deuxième.', 'Troisième.'])))
    const live = new Y.Doc()
    Y.applyUpdate(live, Y.encodeStateAsUpdate(version))
    const kept = live.getXmlFragment(docField).get(0)
    const fragment = live.getXmlFragment(docField)
    fragment.delete(1, 1)
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('Autre chose.')])
    fragment.insert(1, [p])
    const update = restoreUpdate(Y.encodeStateAsUpdate(live), version)!
    Y.applyUpdate(live, update)
    expect(docParagraphs(live)).toEqual(['Premier.', 'Deuxième.', 'Troisième.'])
    // The first paragraph is the same item: a caret in it stays where it was.
    expect(live.getXmlFragment(docField).get(0)).toBe(kept)
    expect(restoreUpdate(Y.encodeStateAsUpdate(live), version)).toBeUndefined()
  })
})
