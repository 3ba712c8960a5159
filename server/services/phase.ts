// Kept for the amendments and seal areas until they read the phase through
// commands/congress/congress-rows.ts's readPhase, which this now is.
export { readPhase as currentPhase } from '../commands/congress/congress-rows.ts'
