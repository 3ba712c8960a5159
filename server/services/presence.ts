// Moved to presenters/congress-presence.ts; kept for routes/events.ts until it imports from there.
export { congressPresence } from '../presenters/congress-presence.ts'
