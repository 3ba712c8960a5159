/**
 * The longest text a document may hold, in characters (UTF-16 units, as Yjs and the editor count
 * them). A motion's longest proposal is a few thousand words; the cap keeps one paste from
 * stalling the word diff and the seal for everyone. The server refuses an update that would pass
 * it, and the editor stops the keystroke or paste before it is sent.
 */
export const maxTextChars = 100_000

/**
 * The longest value of one mark's or one element's attributes (a link's address, a code block's
 * language), in characters of its strings and keys. A link needs no more; the server refuses a
 * longer one as too large, like a text over maxTextChars.
 */
export const maxValueChars = 2_000

/**
 * The most characters all the mark and attribute values of one text may hold together (each value
 * counts one, plus its strings and keys). Without it a text of a few characters could carry
 * megabytes of link addresses; an ordinary text uses a few percent of it.
 */
export const maxMarkupChars = 100_000
