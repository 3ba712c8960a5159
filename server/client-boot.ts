import type { Hono } from 'hono'
import { parse as parseCookies } from 'hono/utils/cookie'
import { languageCookie } from '../shared/client-cookies.ts'
import { sessionCookie } from './auth/credentials.ts'

/**
 * The API answers a page reads before it can show anything, by the path the client asks them at,
 * for a request that carries a session: read in-process through the API's own routes (their
 * authorization, their presenters) and sent inside the page's HTML (static-client.ts), so that a
 * phone on the hall's Wi-Fi pays one round trip for the page and one for its script, not one more
 * per answer (2 s each on a slow 3G network). The client takes each answer once (client/boot-fetch.ts).
 */
export type BootAnswers = Record<string, unknown>

/** What a page of the address reads first: every congress page its session and congress; the vote page its ballots and check-in. */
function firstReads(path: string): { congressId: string | undefined; vote: boolean } {
  const match = /^\/congresses\/([A-Za-z0-9_-]+)(?:\/([a-z-]+))?\/?$/.exec(path)
  return { congressId: match?.[1], vote: match?.[2] === 'vote' }
}

/**
 * The pages that come with the app's script alone (client/components/page-modules.ts): the join
 * page and the vote page, a phone's pages in the hall. A first visit gets that script inside the
 * page (static-client.ts).
 */
export function comesWithApp(path: string): boolean {
  return /^\/join(?:\/[^/]+)?\/?$/.test(path) || firstReads(path).vote
}

/** The build's scripts besides the app's (vite.config.ts names them: the other pages', the editor's, English's), and their styles. */
export type LazyScripts = Partial<Record<'pages' | 'editor' | 'en', { js?: string; css?: string }>>

/** The pages that use the editor, by their address (client/router.ts): their script imports the pages'. */
const editorPaths = /^\/congresses\/[^/]+\/(?:proposals\/\d+|preamble|amendments\/[^/]+|ballots)\/?$/

/**
 * The scripts a signed-in person's page will import at once, named in its head so that they come in
 * the same round trip as the app's: the page's own (every page but the vote and join pages, which
 * come with the app), and English's when this device chose it (the cookie client/i18n/index.ts sets).
 */
export function preloads(scripts: LazyScripts, path: string, cookie: string | undefined): string[] {
  const wanted: (keyof LazyScripts)[] = []
  const { vote } = firstReads(path)
  if (path.startsWith('/congresses/') && !vote) wanted.push('pages')
  if (editorPaths.test(path)) wanted.push('editor')
  if (cookie && parseCookies(cookie, languageCookie)[languageCookie] === 'en') wanted.push('en')
  // A script's styles as the stylesheet Vite would add on import (it adds none where one is): the page
  // does not wait for them one more round trip.
  return wanted.flatMap((group) => {
    const { js, css } = scripts[group] ?? {}
    return [
      ...(js ? [`<link rel="modulepreload" crossorigin href="/assets/${js}">`] : []),
      ...(css ? [`<link rel="stylesheet" crossorigin href="/assets/${css}">`] : []),
    ]
  })
}

/** The answers for the page at `url`, or undefined without a valid session (the join page needs none). */
export async function bootAnswers(app: Hono<any>, url: URL, cookie: string | undefined): Promise<BootAnswers | undefined> {
  if (!cookie || !parseCookies(cookie, sessionCookie)[sessionCookie]) return undefined
  const answers: BootAnswers = {}
  const read = async (path: string): Promise<unknown> => {
    const response = await app.request(new URL(path, url.origin), { headers: { cookie } })
    if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('application/json')) {
      await response.body?.cancel()
      return undefined
    }
    const body: unknown = await response.json()
    answers[path] = body
    return body
  }
  const { congressId, vote } = firstReads(url.pathname)
  const session = read('/api/session')
  if (!congressId) return (await session) === undefined ? undefined : answers
  const congress = `/api/congresses/${congressId}`
  const reads: Promise<unknown>[] = [session, read(congress)]
  if (vote) {
    reads.push(read(`${congress}/check-in`))
    // The open ballot's rights for this person: the vote page asks them as soon as it knows the ballot.
    reads.push(
      read(`${congress}/ballots`).then((list) => {
        const open = isBallotList(list) ? list.ballots.find((b) => b.status === 'open') : undefined
        return open ? read(`/api/ballots/${encodeURIComponent(open.id)}/me`) : undefined
      }),
    )
  }
  const [signedIn] = await Promise.all(reads)
  return signedIn === undefined ? undefined : answers
}

function isBallotList(value: unknown): value is { ballots: { id: string; status: string }[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { ballots?: unknown }).ballots)
}

/**
 * The answers as an HTML data block: a script element of type application/json is never run, so the
 * Content-Security-Policy (no inline script) stays whole; `<` is escaped so that no text in the
 * answers can close the element.
 */
export function bootScript(answers: BootAnswers): string {
  return `<script type="application/json" id="plenum-boot">${JSON.stringify(answers).replace(/</g, '\\u003c')}</script>`
}
