import { asInAppNavigation, mayLeave } from './unsaved-changes.ts'

/** The pages of the app, parsed from the address bar. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'join'; readonly code: string }
  | { readonly page: 'congress'; readonly congressId: string }
  | { readonly page: 'proposal'; readonly congressId: string; readonly number: number }
  | { readonly page: 'preamble'; readonly congressId: string }
  | { readonly page: 'proposal-history'; readonly congressId: string; readonly number: number }
  | { readonly page: 'preamble-history'; readonly congressId: string }
  | { readonly page: 'bureau'; readonly congressId: string }
  | { readonly page: 'dashboard'; readonly congressId: string }
  | { readonly page: 'amendments'; readonly congressId: string }
  | { readonly page: 'amendment'; readonly congressId: string; readonly amendmentId: string }
  | { readonly page: 'vote'; readonly congressId: string }
  | { readonly page: 'ballots'; readonly congressId: string }
  | { readonly page: 'session'; readonly congressId: string }
  | { readonly page: 'board'; readonly congressId: string; readonly ballotId: string }
  | { readonly page: 'projector'; readonly congressId: string }
  | { readonly page: 'seal'; readonly congressId: string }
  | { readonly page: 'motion'; readonly congressId: string }
  | { readonly page: 'comparative'; readonly congressId: string }
  | { readonly page: 'minutes'; readonly congressId: string }
  | { readonly page: 'not-found' }

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const [first, second, third, fourth, fifth] = parts
  if (parts.length === 0) return { page: 'home' }
  if (first === 'projector' && second && parts.length === 2) return { page: 'projector', congressId: second }
  // /join#code=… (the code in the fragment, read by the page); /join/<code> from older links.
  if (first === 'join' && parts.length === 1) return { page: 'join', code: '' }
  if (first === 'join' && second && parts.length === 2) return { page: 'join', code: second }
  if (first === 'congresses' && second) {
    if (parts.length === 2) return { page: 'congress', congressId: second }
    if (third === 'preamble' && parts.length === 3) return { page: 'preamble', congressId: second }
    if (third === 'preamble' && fourth === 'history' && parts.length === 4) return { page: 'preamble-history', congressId: second }
    if (third === 'proposals' && fourth && /^\d+$/.test(fourth) && fifth === 'history' && parts.length === 5) {
      return { page: 'proposal-history', congressId: second, number: Number(fourth) }
    }
    if (third === 'bureau' && parts.length === 3) return { page: 'bureau', congressId: second }
    if (third === 'dashboard' && parts.length === 3) return { page: 'dashboard', congressId: second }
    if (third === 'amendments' && parts.length === 3) return { page: 'amendments', congressId: second }
    if (third === 'vote' && parts.length === 3) return { page: 'vote', congressId: second }
    if (third === 'ballots' && parts.length === 3) return { page: 'ballots', congressId: second }
    if (third === 'session' && parts.length === 3) return { page: 'session', congressId: second }
    if (third === 'ballots' && fourth && fifth === 'board' && parts.length === 5) return { page: 'board', congressId: second, ballotId: fourth }
    if (third === 'seal' && parts.length === 3) return { page: 'seal', congressId: second }
    if (third === 'motion' && parts.length === 3) return { page: 'motion', congressId: second }
    if (third === 'comparative' && parts.length === 3) return { page: 'comparative', congressId: second }
    if (third === 'minutes' && parts.length === 3) return { page: 'minutes', congressId: second }
    if (third === 'amendments' && fourth && parts.length === 4) return { page: 'amendment', congressId: second, amendmentId: fourth }
    if (third === 'proposals' && fourth && /^\d+$/.test(fourth) && parts.length === 4) {
      return { page: 'proposal', congressId: second, number: Number(fourth) }
    }
  }
  return { page: 'not-found' }
}

export const paths = {
  congress: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}`,
  proposal: (congressId: string, number: number) => `/congresses/${encodeURIComponent(congressId)}/proposals/${number}`,
  preamble: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/preamble`,
  /** A base text's history: the proposal's by number, or without one the preamble's. */
  textHistory: (congressId: string, number?: number) =>
    number === undefined ? `/congresses/${encodeURIComponent(congressId)}/preamble/history` : `/congresses/${encodeURIComponent(congressId)}/proposals/${number}/history`,
  bureau: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/bureau`,
  /** The bureau's overview of the day: its landing page after signing in. */
  dashboard: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/dashboard`,
  amendments: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/amendments`,
  vote: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/vote`,
  ballots: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/ballots`,
  /** The bureau's session screen: the item under debate, its speakers and the next vote. */
  session: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/session`,
  /** The receipt, if any, goes in the fragment: never sent to the server, never in its logs. */
  board: (congressId: string, ballotId: string, receipt?: string) =>
    `/congresses/${encodeURIComponent(congressId)}/ballots/${encodeURIComponent(ballotId)}/board${receipt ? `#receipt=${receipt}` : ''}`,
  projector: (congressId: string) => `/projector/${encodeURIComponent(congressId)}`,
  seal: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/seal`,
  /** The whole motion as it stands: live, printable. */
  motion: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/motion`,
  /** The comparative table: each text as put to amendment, its amendments and the text as it stands. */
  comparative: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/comparative`,
  /** The minutes as they would be sealed now: the bureau's preview. */
  minutes: (congressId: string) => `/congresses/${encodeURIComponent(congressId)}/minutes`,
  amendment: (congressId: string, amendmentId: string) => `/congresses/${encodeURIComponent(congressId)}/amendments/${encodeURIComponent(amendmentId)}`,
}

/** Changes page without a reload; the app listens for 'popstate'. */
export function navigate(path: string, options: { replace?: boolean; asked?: boolean } = {}): void {
  // A form with unsaved text asks before its page goes (client/unsaved-changes.ts), unless the caller asked already (`asked`).
  if (!options.asked && !mayLeave()) return
  asInAppNavigation(() => {
    if (options.replace) history.replaceState(null, '', path)
    else history.pushState(null, '', path)
    window.dispatchEvent(new PopStateEvent('popstate'))
  })
}

/** Lets plain <a href> links inside the app navigate without a reload. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = (event.target as Element | null)?.closest('a')
    if (!link || link.target || link.origin !== location.origin || link.hasAttribute('download')) return
    if (link.pathname === location.pathname && link.hash) return // an anchor on this page: the browser's job
    if (link.pathname.startsWith('/api/')) return
    event.preventDefault()
    navigate(link.pathname + link.search + link.hash)
  })
}
