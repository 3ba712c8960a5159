import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/canonical-json.ts'

/**
 * The digest of a text as the seal prints it: its paragraphs (stateParagraphs, stateV2Paragraphs),
 * in canonical JSON. Recorded for each text when its ballot opens and compared at the seal; it
 * ignores how Yjs happens to encode the state (two encodings of one text give one digest).
 */
export function textDigest(paragraphs: readonly string[]): string {
  return createHash('sha256').update(canonicalJson(paragraphs)).digest('hex')
}
