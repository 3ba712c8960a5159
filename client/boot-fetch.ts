/**
 * The API answers the server sent inside the page (server/client-boot.ts), by path: a phone on a
 * slow network shows its first page after two round trips (the page, its script) instead of one
 * more per answer. Each is taken once, by the first GET of its path; later reads (a revision, a
 * reconnection) go to the server.
 */
let answers: Map<string, unknown> | undefined

function bootAnswers(): Map<string, unknown> {
  if (answers) return answers
  answers = new Map()
  const element = document.getElementById('plenum-boot')
  try {
    const parsed: unknown = JSON.parse(element?.textContent ?? '{}')
    if (typeof parsed === 'object' && parsed !== null) for (const [path, body] of Object.entries(parsed)) answers.set(path, body)
  } catch {
    // A page without answers (or a damaged one) reads everything from the server.
  }
  element?.remove()
  return answers
}

/** `fetch`, answering a GET of a path the page carried from the page itself, once. */
export const bootFetch: typeof fetch = (input, init) => {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
  if (method.toUpperCase() === 'GET') {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    const key = url.pathname + url.search
    const found = url.origin === location.origin ? bootAnswers().get(key) : undefined
    if (found !== undefined) {
      answers!.delete(key)
      return Promise.resolve(new Response(JSON.stringify(found), { status: 200, headers: { 'content-type': 'application/json' } }))
    }
  }
  return fetch(input, init)
}
