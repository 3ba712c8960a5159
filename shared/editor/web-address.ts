/**
 * Which link targets a text may carry, and where a web address is in a sentence, without a URL
 * library: the editor links what people type or paste starting with http:// or https://.
 */

// Tiptap's link extension ignored these characters when reading a protocol ("java\tscript:" is "javascript:").
const ignoredInProtocol = /[\0- \u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g

// Tiptap's isAllowedUri with no extra protocols, unchanged: a known protocol, or no protocol at all
// (a relative address, or "name:" followed by what a protocol's name cannot hold).
const allowedUri = /^(?:(?:https?|ftps?|mailto|tel|callto|sms|cid|xmpp):|[^a-z]|[a-z0-9+.-]+(?:[^a-z+.\-:]|$))/i

/** Whether `uri` may be a link's href: never javascript:, data:, vbscript: or any other unknown protocol. An empty one is no link and harms nothing. */
export function isAllowedUri(uri: string | null | undefined): boolean {
  return !uri || allowedUri.test(uri.replace(ignoredInProtocol, ''))
}

/** What may stand just before an address in a sentence: "(https://…", "«https://…". */
const opening = new Set(['(', '[', '{', '<', '«', '"', "'", '“', '‘'])
/** What ends the sentence around an address rather than the address: "voir https://example.org." */
const closing = new Set(['.', ',', ';', ':', '!', '?', '"', "'", '»', '’', '”', ']', '}', '>'])

/** `word` from its http(s):// on, less the punctuation around it; undefined when it holds no address. */
function addressIn(word: string): { offset: number; url: string } | undefined {
  const offset = word.search(/https?:\/\//i)
  if (offset < 0 || (offset > 0 && !opening.has(word[offset - 1]!))) return undefined
  let url = word.slice(offset)
  for (;;) {
    const last = url[url.length - 1]!
    // A closing parenthesis is the address's own when it closes one of the address (Wikipedia's "Foo_(bar)").
    const unbalanced = last === ')' && url.split('(').length < url.split(')').length
    if (!closing.has(last) && !unbalanced) break
    url = url.slice(0, -1)
  }
  return /^https?:\/\/[^/?#\s]/i.test(url) ? { offset, url } : undefined
}

/** The address that ends `text` just before its last character, a space: what an autolink links when the space is typed. */
export function addressBeforeSpace(text: string): { index: number; url: string } | undefined {
  const word = /(\S+)[ \u00a0]$/.exec(text)
  if (!word) return undefined
  const found = addressIn(word[1]!)
  return found && { index: word.index + found.offset, url: found.url }
}

/** Every http(s) address in `text`, with its position. */
export function addressesIn(text: string): { index: number; url: string }[] {
  const found: { index: number; url: string }[] = []
  for (const word of text.matchAll(/\S+/g)) {
    const address = addressIn(word[0])
    if (address) found.push({ index: word.index + address.offset, url: address.url })
  }
  return found
}
