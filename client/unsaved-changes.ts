import { t } from './i18n/index.ts'

// Forms that save on a button register here while mounted: leaving the page (closing the tab,
// reloading, following an in-app link, the browser's Back) asks first while one holds unsaved text.

const sources = new Set<() => boolean>()

/** Registers a form's "has unsaved changes" test; the returned function unregisters it. */
export function guardUnsaved(isDirty: () => boolean): () => void {
  sources.add(isDirty)
  return () => sources.delete(isDirty)
}

export function hasUnsaved(): boolean {
  for (const dirty of sources) if (dirty()) return true
  return false
}

/** True when the page may be left: nothing unsaved, or the person agreed to drop it. */
export function mayLeave(): boolean {
  return !hasUnsaved() || confirm(t().am.leaveUnsaved)
}

const here = () => location.pathname + location.search + location.hash
let current = here()
let inApp = false

/** Runs an in-app navigation (router.ts): its own popstate is not the browser's Back. */
export function asInAppNavigation(go: () => void): void {
  inApp = true
  try {
    go()
  } finally {
    inApp = false
    current = here()
  }
}

window.addEventListener('beforeunload', (event) => {
  if (!hasUnsaved()) return
  event.preventDefault()
  // Older browsers show their own words only when this is set.
  event.returnValue = ''
})

// Registered at load, before the app's own listener: a refused Back puts the address back and stops the app from changing page.
window.addEventListener('popstate', (event) => {
  if (inApp) return
  if (!mayLeave()) {
    event.stopImmediatePropagation()
    history.pushState(null, '', current)
    return
  }
  current = here()
})
