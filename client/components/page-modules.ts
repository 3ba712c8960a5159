import type { Route } from '../router.ts'

/**
 * The pages that need Tiptap, ProseMirror or Yjs, loaded when first opened: a phone on the hall's
 * Wi-Fi votes, and the projector shows, without downloading the editor. They come in one second
 * script (vite.config.ts), with the texts a ballot's subject shows (ballot-subject.ts). A page's
 * element is defined when its module arrives, and lit upgrades the element already rendered.
 */
const modules: Partial<Record<Route['page'], () => Promise<unknown>>> = {
  dashboard: () => import('./dashboard-page.ts'),
  proposal: () => import('./text-page.ts'),
  preamble: () => import('./text-page.ts'),
  'proposal-history': () => import('./text-history.ts'),
  'preamble-history': () => import('./text-history.ts'),
  amendment: () => import('./amendment-page.ts'),
  ballots: () => import('./ballots-page.ts'),
}

const loading = new Map<Route['page'], Promise<unknown>>()

/**
 * Starts loading the page's module, once; resolves when it is defined (at once for a page of the
 * first script). A failed load (the Wi-Fi dropped) is forgotten, so that opening the page again retries.
 */
export function loadPage(page: Route['page']): Promise<unknown> {
  const load = modules[page]
  if (!load) return Promise.resolve()
  let pending = loading.get(page)
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loading.delete(page)
      throw error
    })
    loading.set(page, pending)
  }
  return pending
}
