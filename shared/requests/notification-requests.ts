import { invalid, type Parsed } from '../parsed.ts'

// The body POST /api/congresses/:id/notifications/read takes.

/** Everything up to this notification id (the newest the person has seen) is read. */
export interface NotificationsReadRequest {
  readonly upTo: number
}

export function parseNotificationsRead(body: Record<string, unknown>): Parsed<NotificationsReadRequest> {
  const { upTo } = body
  if (typeof upTo !== 'number' || !Number.isSafeInteger(upTo) || upTo < 0) return invalid('upTo', { rule: 'integer_range', min: 0, max: Number.MAX_SAFE_INTEGER }, 'doit être l’identifiant d’une notification')
  return { ok: true, value: { upTo } }
}
