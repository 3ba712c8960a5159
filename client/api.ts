import type { CongressView, ParticipantView, SessionView } from '../shared/api-types.ts'
import { isErrorBody, type ErrorCode } from '../shared/errors.ts'

/** A failed API call, carrying the server's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message)
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, 'network', 'network')
  }
  if (response.status === 204) return undefined as T
  const data: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    if (isErrorBody(data)) throw new ApiError(response.status, data.error.code, data.error.message)
    throw new ApiError(response.status, 'internal', response.statusText)
  }
  return data as T
}

/** The HTTP API, typed by the shapes in shared/api-types.ts. */
export const api = {
  openSession: (code: string) => call<SessionView>('POST', '/session', { code }),
  currentSession: () => call<{ participant: ParticipantView }>('GET', '/session'),
  closeSession: () => call<void>('DELETE', '/session'),
  congress: (id: string) => call<CongressView>('GET', `/congresses/${encodeURIComponent(id)}`),
}
