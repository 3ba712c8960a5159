import type { Page } from 'playwright-core'

/**
 * Markup that runs script if a page or an export ever renders a user's text as HTML (or a URL, or a
 * template): tags, event handlers, `javascript:` links, SVG, srcdoc frames, mutation and template
 * tricks. Each one, if it runs, records its number in the top window's `xssFired`.
 */
export const xssPayloads: readonly string[] = [
  '<script>top.xssFired.push(1)</script>',
  '<img src=x onerror="top.xssFired.push(2)">',
  '<a href="javascript:top.xssFired.push(3)">lien</a>',
  '<svg onload="top.xssFired.push(4)"><circle r="9"/></svg>',
  '"><iframe srcdoc="<script>parent.xssFired.push(5)</script>"></iframe>',
  "' autofocus onfocus='top.xssFired.push(6)' x='",
  'javascript:top.xssFired.push(7)',
  '<math><mtext><table><mglyph><style><img src=x onerror=top.xssFired.push(8)>',
  "{{constructor.constructor('top.xssFired.push(9)')()}}",
  '${top.xssFired.push(10)}<details open ontoggle="top.xssFired.push(11)">',
]

/** One payload per short field (200 characters at most), in turn, with a tag naming the field. */
export function payloadFor(index: number, field: string): string {
  return `${field} ${xssPayloads[index % xssPayloads.length]!}`
}

/** Every payload at once, for long texts. */
export const allPayloads = xssPayloads.join(' ')

/** Before any page script: the list the payloads would write to. */
export function installXssTrap(): void {
  ;(window as unknown as { xssFired: number[] }).xssFired = []
}

/** What ran, in the top window of `page`. */
export function xssFired(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { xssFired?: number[] }).xssFired ?? [])
}

/**
 * Unsafe markup present in a page's DOM, shadow roots and same-origin frames included: any element
 * a payload would have created (script other than the app's, whether named or carried inside the page; iframe with srcdoc, img/svg/math/details
 * from user text), any `on…` attribute, any `javascript:` URL.
 */
export async function unsafeMarkup(page: Page): Promise<string[]> {
  const findings: string[] = []
  for (const frame of page.frames()) {
    findings.push(
      ...(await frame.evaluate(async () => {
        const found: string[] = []
        const carried: HTMLScriptElement[] = []
        const visit = (root: Document | ShadowRoot | Element) => {
          for (const element of root.querySelectorAll('*')) {
            const tag = element.tagName.toLowerCase()
            for (const attribute of element.getAttributeNames()) {
              const value = element.getAttribute(attribute) ?? ''
              if (attribute.startsWith('on')) found.push(`${tag}[${attribute}]`)
              if (/^\s*javascript:/i.test(value)) found.push(`${tag}[${attribute}=javascript:]`)
              if (attribute === 'srcdoc') found.push(`${tag}[srcdoc]`)
            }
            // The server's own data block (a signed-in page's first answers, server/client-boot.ts) is JSON, never run.
            const bootBlock = element.id === 'plenum-boot' && element.getAttribute('type') === 'application/json'
            // The app's own script, carried inside a first visit's page (server/static-client.ts): checked below against its file.
            const app = tag === 'script' && element.getAttribute('type') === 'module' && (element as HTMLScriptElement).dataset.src?.startsWith('/assets/')
            if (app) carried.push(element as HTMLScriptElement)
            else if (tag === 'script' && !(element as HTMLScriptElement).src && !bootBlock) found.push('inline script')
            if (tag === 'script' && (element as HTMLScriptElement).src && new URL((element as HTMLScriptElement).src).origin !== location.origin) found.push('foreign script')
            if (['mglyph', 'mtext', 'circle'].includes(tag)) found.push(`<${tag}> from user text`)
            if (tag === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x> from user text')
            if (element.shadowRoot) visit(element.shadowRoot)
          }
        }
        visit(document)
        for (const script of carried) {
          const file = await fetch(script.dataset.src!).then((response) => response.text())
          if (script.text !== file) found.push('inline script')
        }
        return found
      })),
    )
  }
  return findings
}
