import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { PresenceView } from '../../shared/api-types.ts'
import { authorize } from '../auth/authorize.ts'
import { requireSession } from '../auth/require-session.ts'
import type { AppDeps, AppEnv } from '../env.ts'
import { hashToken } from '../ids.ts'
import { congressPresence } from '../services/presence.ts'
import { validParams } from '../validate.ts'

/** `/api/congresses/:id/events`: the congress's event stream (server-sent events). */
export function eventRoutes(deps: AppDeps) {
  const session = [validParams, requireSession(deps)] as const
  return new Hono<AppEnv>()
    .get('/:id/events', ...session, authorize(deps, 'congress.read'), (c) => {
      const congressId = c.req.param('id')
      const { participantId } = c.var.actor
      return streamSSE(c, async (stream) => {
        const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => undefined)
        const onPhase = (e: { congressId: string; phase: string }) => {
          if (e.congressId === congressId) void send('phase', { phase: e.phase })
        }
        // Presence changes come in bursts (a room reconnecting), amendment texts change with every
        // keystroke: each is sent at most once per interval.
        const presence = coalesce(500, async () => void send('presence', (await congressPresence(deps, congressId)) satisfies PresenceView))
        const amendmentTexts = coalesce(1000, () => void send('amendment-texts', {}))
        const onPresence = (e: { congressId: string }) => {
          if (e.congressId === congressId) presence.soon()
        }
        const onStructure = (e: { congressId: string }) => {
          if (e.congressId === congressId) void send('structure', {})
        }
        const onAmendments = (e: { congressId: string }) => {
          if (e.congressId === congressId) void send('amendments', {})
        }
        const onDocument = (e: { congressId: string; kind: string }) => {
          if (e.congressId === congressId && e.kind === 'amendment') amendmentTexts.soon()
        }
        const onBallots = (e: { congressId: string; ballotId: string }) => {
          if (e.congressId === congressId) void send('ballots', { ballotId: e.ballotId })
        }
        // A vote storm is one event per half second: the counts as they stand then.
        const castIn = new Set<string>()
        const participation = coalesce(500, () => {
          for (const ballotId of castIn) void send('participation', { ballotId, ...deps.votes.counts(ballotId) })
          castIn.clear()
        })
        const onVote = (e: { congressId: string; ballotId: string }) => {
          if (e.congressId !== congressId) return
          castIn.add(e.ballotId)
          participation.soon()
        }
        const onAttendance = (e: { congressId: string }) => {
          if (e.congressId === congressId) void send('attendance', {})
        }
        const onProjector = (e: { congressId: string; ballotId: string | null }) => {
          if (e.congressId === congressId) void send('projector', { ballotId: e.ballotId })
        }
        const onRevoked = (e: { participantId: string }) => {
          if (e.participantId === participantId) stream.abort()
        }
        // Signing out ends this session's streams too, not only its cookie.
        const tokenHash = hashToken(c.var.token)
        const onSessionClosed = (e: { tokenHash: string }) => {
          if (e.tokenHash === tokenHash) stream.abort()
        }
        deps.hub.on('phase-changed', onPhase)
        deps.hub.on('presence-changed', onPresence)
        deps.hub.on('participant-revoked', onRevoked)
        deps.hub.on('session-closed', onSessionClosed)
        deps.hub.on('structure-changed', onStructure)
        deps.hub.on('amendments-changed', onAmendments)
        deps.hub.on('document-changed', onDocument)
        deps.hub.on('ballots-changed', onBallots)
        deps.hub.on('vote-cast', onVote)
        deps.hub.on('attendance-changed', onAttendance)
        deps.hub.on('projector-changed', onProjector)
        deps.hub.join(congressId, participantId)
        const keepalive = setInterval(() => void stream.write(': keepalive\n\n').catch(() => stream.abort()), 25_000)
        try {
          await send('phase', { phase: deps.hub.phaseOf(congressId) })
          await send('presence', await congressPresence(deps, congressId))
          await new Promise<void>((resolve) => stream.onAbort(resolve))
        } finally {
          clearInterval(keepalive)
          presence.cancel()
          amendmentTexts.cancel()
          participation.cancel()
          deps.hub.off('ballots-changed', onBallots)
          deps.hub.off('vote-cast', onVote)
          deps.hub.off('attendance-changed', onAttendance)
          deps.hub.off('projector-changed', onProjector)
          deps.hub.off('amendments-changed', onAmendments)
          deps.hub.off('document-changed', onDocument)
          deps.hub.off('phase-changed', onPhase)
          deps.hub.off('presence-changed', onPresence)
          deps.hub.off('participant-revoked', onRevoked)
          deps.hub.off('session-closed', onSessionClosed)
          deps.hub.off('structure-changed', onStructure)
          deps.hub.leave(congressId, participantId)
        }
      })
    })
}

/** Runs `fn` once, `ms` after the first of any number of calls to `soon()` within that time. */
function coalesce(ms: number, fn: () => unknown) {
  let timer: NodeJS.Timeout | undefined
  return {
    soon() {
      timer ??= setTimeout(() => {
        timer = undefined
        void fn()
      }, ms)
    },
    cancel: () => clearTimeout(timer),
  }
}
