/**
 * The longest text a document may hold, in characters (UTF-16 units, as Yjs and the editor count
 * them). A motion's longest proposal is a few thousand words; the cap keeps one paste from
 * stalling the word diff and the seal for everyone. The server refuses an update that would pass
 * it, and the editor stops the keystroke or paste before it is sent.
 */
export const maxTextChars = 100_000
