// Texts reach the motion from editors and forms: a pasted Word text brings vertical tabs (U+000B),
// a crafted update can bring any code point. Every rendering of the sealed motion goes through here.

// Line and paragraph separators, tabs and form feeds: read as a space, so a title stays on one line
// and a paragraph stays one paragraph in every format.
const breaks = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g
// What XML 1.0 forbids (C0 controls but the three above, lone surrogates, U+FFFE, U+FFFF) and the
// other control characters (DEL, C1), which no reader shows: replaced by U+FFFD, so a sealed text
// never drops a character silently and the reader sees that one was there.
const invalid = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** A text as the motion's formats print it: on one line, with nothing XML or a reader cannot take. */
export function printable(text: string): string {
  return text.replace(breaks, ' ').replace(invalid, '\ufffd')
}
