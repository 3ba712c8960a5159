import type { Route } from '../router.ts'

/**
 * The pages that do not come with the app, loaded when first opened: a phone on the hall's Wi-Fi
 * gets the join and vote pages with the app's script and nothing else. The bureau's and the room's
 * pages come in one second script, the pages that need Tiptap, ProseMirror or Yjs in a third (the
 * editor's, vite.config.ts), with the texts a ballot's subject shows (ballot-subject.ts). A page's
 * element is defined when its module arrives, and lit upgrades the element already rendered.
 */
const modules: Partial<Record<Route['page'], () => Promise<unknown>>> = {
  congress: () => import('./congress-page.ts'),
  bureau: () => import('./bureau-page.ts'),
  dashboard: () => import('./dashboard-page.ts'),
  session: () => import('./session-page.ts'),
  projector: () => import('./projector-page.ts'),
  seal: () => import('./seal-page.ts'),
  board: () => import('./board-page.ts'),
  motion: () => import('./motion-page.ts'),
  comparative: () => import('./record-page.ts'),
  minutes: () => import('./record-page.ts'),
  amendments: () => import('./amendments-page.ts'),
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

let floorCard: Promise<unknown> | undefined

/**
 * The floor's card under a delegate's vote page, loaded after the page: the vote never waits for
 * it. Returns true so that a template can start it where it places the card; a failed load is
 * tried again at the next render.
 */
export function loadFloorCard(): true {
  floorCard ??= import('./floor-card.ts').catch((error: unknown) => {
    floorCard = undefined
    console.error(error)
  })
  return true
}
