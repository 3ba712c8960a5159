import type { Phase } from '../phases.ts'
import type { UpdateRefusal } from '../editor/update-check.ts'
import type { ReadOnlyReason } from '../permissions.ts'

/**
 * What the server tells a connection about its right to write, in y-websocket's auth message
 * (type 2). Read-only goes as the standard "permission denied" with a reason the stock client
 * logs and ours shows; "writable again" is a subtype stock clients ignore.
 */
export const authMessageType = 2
export const authPermissionDenied = 0
export const authWritable = 1

export type Access = { readonly writable: true } | { readonly writable: false; readonly reason: ReadOnlyReason; readonly phase: Phase }

export function formatReadOnlyReason(reason: ReadOnlyReason, phase: Phase): string {
  return `read-only:${reason}:${phase}`
}

/**
 * An update the server refused and dropped (not applied, not stored, not broadcast), sent in the
 * same "permission denied" message: `refused:schema` (the text would leave the editor schema) or
 * `refused:size` (over maxTextChars, or a mark or attribute value over maxValueChars, or all of them
 * over maxMarkupChars). The connection stays writable; the client has a change the
 * server will never hold, so ours reloads the document from the server and says why.
 */
export type Refusal = UpdateRefusal

export function formatRefusal(reason: Refusal): string {
  return `refused:${reason}`
}

export function parseRefusal(text: string): Refusal | undefined {
  const match = /^refused:(schema|size)$/.exec(text)
  return match ? (match[1] as Refusal) : undefined
}

export function parseReadOnlyReason(text: string): { reason: ReadOnlyReason; phase: string } | undefined {
  const match = /^read-only:(role|phase|author|closed|voted):([a-z]+)$/.exec(text)
  return match ? { reason: match[1] as ReadOnlyReason, phase: match[2]! } : undefined
}
