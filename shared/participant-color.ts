/** Caret colours, each with a contrast ratio of at least 4.5:1 against white label text. */
const palette = ['#1d4ed8', '#b91c1c', '#047857', '#6d28d9', '#b45309', '#be185d', '#0f766e', '#4338ca']

/**
 * A stable colour per participant, so a person keeps their colour on every screen. In shared/
 * because the sync server stamps it on each cursor: a client cannot show itself in another's colour.
 */
export function participantColor(participantId: string): string {
  let hash = 0
  for (const char of participantId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return palette[hash % palette.length] ?? '#1d4ed8'
}
