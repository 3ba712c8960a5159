import { InputRule, Mark, markPasteRule, mergeAttributes } from '@tiptap/core'
import { Plugin, PluginKey, type TextSelection } from '@tiptap/pm/state'
import { addressBeforeSpace, addressesIn, isAllowedUri } from './web-address.ts'

/** What every link renders with unless it says otherwise: Tiptap's link defaults, which stored links were written with. */
const linkDefaults = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null }

/**
 * A link, as @tiptap/extension-link made it (same name, attributes, defaults, priority), without
 * its URL library (linkifyjs, 17 kB of the editor's script): a typed or pasted address that starts
 * with http:// or https:// becomes a link, and no href with another protocol than Tiptap allowed
 * (javascript:, data:, vbscript: …) is ever read from pasted HTML or written into the page.
 */
export const LinkMark = Mark.create({
  name: 'link',
  // Tiptap's: the rank of marks in the schema orders a text's marks, so it stays as documents have it.
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  // Tiptap's link was inclusive while autolink was on (its default): typing at a link's end extends it.
  inclusive: true,

  addAttributes() {
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href') },
      target: { default: linkDefaults.target },
      rel: { default: linkDefaults.rel },
      class: { default: linkDefaults.class },
      title: { default: null },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (element) => {
          const href = element.getAttribute('href')
          return href && isAllowedUri(href) ? null : false
        },
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    const attributes = isAllowedUri(HTMLAttributes.href as string | undefined) ? HTMLAttributes : { ...HTMLAttributes, href: '' }
    return ['a', mergeAttributes(linkDefaults, attributes), 0]
  },

  addInputRules() {
    const type = this.type
    return [
      new InputRule({
        find: (text) => {
          const address = addressBeforeSpace(text)
          return address ? { index: address.index, text: text.slice(address.index), data: address } : null
        },
        handler: ({ state, range, match }) => {
          const { url } = match.data as { url: string }
          const from = range.from
          const to = from + url.length
          if (state.doc.rangeHasMark(from, to, type)) return null
          const space = match[0].slice(-1)
          // After a phone keyboard's composition the space is already in the text; typed, it is not yet.
          const spaceInText = range.to - range.from === match[0].length && state.doc.textBetween(range.to - 1, range.to) === space
          if (!spaceInText) state.tr.insertText(space, from + match[0].length - 1, range.to)
          state.tr.addMark(from, to, type.create({ href: url }))
        },
        // Backspace after the space deletes the space, as before, rather than taking the link away.
        undoable: false,
      }),
    ]
  },

  addPasteRules() {
    return [
      markPasteRule({
        find: (text) => addressesIn(text).map(({ index, url }) => ({ index, text: url, data: { href: url } })),
        type: this.type,
        getAttributes: (match) => ({ href: (match.data as { href: string }).href }),
      }),
    ]
  },

  addKeyboardShortcuts() {
    // An address the line ends with becomes a link when Enter (or Shift+Enter) ends the line; the key then does what it does.
    const linkBeforeCaret = (): boolean => {
      const { $cursor } = this.editor.state.selection as TextSelection
      if (!$cursor || $cursor.parent.type.spec.code) return false
      const before = $cursor.parent.textBetween(0, $cursor.parentOffset, undefined, '\ufffc')
      const address = addressBeforeSpace(`${before} `)
      if (!address) return false
      const from = $cursor.pos - before.length + address.index
      const to = from + address.url.length
      if (this.editor.state.doc.rangeHasMark(from, to, this.type)) return false
      this.editor.view.dispatch(this.editor.state.tr.addMark(from, to, this.type.create({ href: address.url })))
      return false
    }
    return { Enter: linkBeforeCaret, 'Shift-Enter': linkBeforeCaret }
  },

  addProseMirrorPlugins() {
    return [
      // A click on a link in the text being written opens it, as Tiptap's link did; a text that is
      // not editable leaves the click to the browser.
      new Plugin({
        key: new PluginKey('openLink'),
        props: {
          handleClick: (view, _pos, event) => {
            if (event.button !== 0 || !view.editable || !(event.target instanceof Element)) return false
            const anchor = event.target.closest('a')
            // The attribute, not the resolved `href`: an unsafe address rendered empty would resolve to this page.
            const address = anchor?.getAttribute('href')
            if (!anchor || !address || !view.dom.contains(anchor)) return false
            window.open(anchor.href, anchor.target || '_blank', 'noopener,noreferrer')
            return true
          },
        },
      }),
    ]
  },
})
