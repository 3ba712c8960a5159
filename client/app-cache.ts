import { appCacheCookie, appScriptName } from '../shared/client-cookies.ts'

/**
 * A first visit to the join or vote page carries the app's script and styles inside the page
 * (server/static-client.ts): one round trip on the hall's Wi-Fi. Once the page is loaded and idle,
 * this fetches their files into the browser's cache and then says so in a cookie, so that the next
 * page names the files, already here, instead of carrying them again. If a fetch fails, nothing is
 * said, and the next page carries them again.
 */
export function keepAppFiles(): void {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][data-src]')
  const href = script?.dataset.src
  if (!href) return
  const files = [href, document.querySelector<HTMLStyleElement>('style[data-href]')?.dataset.href].filter((file): file is string => Boolean(file))
  const fetchAll = () =>
    Promise.all(
      files.map(async (file) => {
        const response = await fetch(file)
        if (!response.ok) throw new Error(`${file}: ${response.status}`)
        await response.arrayBuffer()
      }),
    )
      .then(() => {
        // A year, as long as the files' own cache; not Secure, which a page over plain HTTP could not set.
        document.cookie = `${appCacheCookie}=${encodeURIComponent(appScriptName(href))}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`
      })
      .catch((error: unknown) => console.warn(error))
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => void fetchAll(), { timeout: 10_000 }) : setTimeout(() => void fetchAll(), 1000))
  if (document.readyState === 'complete') whenIdle()
  else addEventListener('load', whenIdle, { once: true })
}
