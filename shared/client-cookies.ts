/**
 * The cookies the client sets for the server's sake, read by both. Neither is a secret: the
 * session's own cookie is the server's alone (server/auth/credentials.ts).
 */

/** The language this device chose (client/i18n/index.ts): the server then sends English's script with the page. */
export const languageCookie = 'plenum_language'

/**
 * The app's script this browser keeps in its cache, by file name (client/app-cache.ts): the server
 * then names it in the page instead of sending it inside (server/static-client.ts).
 */
export const appCacheCookie = 'plenum_app'

/** The value of appCacheCookie for the app's script at `path` (/assets/index-….js): its file name. */
export function appScriptName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
