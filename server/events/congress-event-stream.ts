import type { SSEStreamingApi } from 'hono/streaming'
import { encodeCongressEvent, type CongressEvent } from '../../shared/congress-events.ts'
import { query, type CommandActor } from '../commands/command.ts'
import type { AppDeps } from '../env.ts'
import { congressPresence } from '../presenters/congress-presence.ts'
import { coalesce } from './coalesce.ts'

export type EventStreamDeps = Pick<AppDeps, 'db' | 'hub' | 'clock' | 'presence' | 'votes'>

/** Where a stream writes: Hono's server-sent events, or anything that writes like them. */
export type EventSink = Pick<SSEStreamingApi, 'writeSSE' | 'write' | 'onAbort' | 'abort'>

const keepaliveMs = 25_000

/**
 * Opens a participant's event stream on their congress: authorized like any read of it
 * (`congress.read`); the stream itself runs when the route pipes it to its sink.
 */
export function openCongressEventStream(deps: EventStreamDeps, actor: CommandActor, input: { readonly congressId: string; readonly tokenHash: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return { pipeTo: (sink: EventSink) => streamCongressEvents(deps, actor.participantId, input, sink) }
  })
}

/**
 * The hub's events of one congress as CongressEvents, until the client leaves, the participant is
 * revoked or the session signs out; the participant counts as online meanwhile.
 */
async function streamCongressEvents(deps: EventStreamDeps, participantId: string, input: { readonly congressId: string; readonly tokenHash: string }, sink: EventSink): Promise<void> {
  const { congressId, tokenHash } = input
  const send = (event: CongressEvent) => sink.writeSSE(encodeCongressEvent(event)).catch(() => undefined)
  const sendPresence = async () => void (await send({ type: 'presence', ...(await congressPresence(deps, congressId)) }))
  // Presence changes come in bursts (a room reconnecting), amendment texts change with every
  // keystroke: each is sent at most once per interval.
  // Timed refreshes are best effort: a database that fails meanwhile (or is closed at shutdown) must
  // not become an unhandled rejection, which would end the process.
  const presence = coalesce(500, () => sendPresence().catch(() => undefined))
  const amendmentTexts = coalesce(1000, () => send({ type: 'amendment-texts' }))
  const texts = coalesce(1000, () => send({ type: 'texts' }))
  // A vote storm is one event per half second: the counts as they stand then.
  const castIn = new Set<string>()
  const participation = coalesce(500, () => {
    for (const ballotId of castIn) void deps.votes.counts(ballotId).then((counts) => send({ type: 'participation', ballotId, ...counts }), () => undefined)
    castIn.clear()
  })
  const here = (e: { readonly congressId: string }) => e.congressId === congressId
  const { hub } = deps
  const unsubscribe = [
    hub.subscribe('phase-changed', (e) => here(e) && void send({ type: 'phase', phase: e.phase })),
    hub.subscribe('presence-changed', (e) => here(e) && presence.soon()),
    hub.subscribe('structure-changed', (e) => here(e) && void send({ type: 'structure' })),
    hub.subscribe('amendments-changed', (e) => here(e) && void send({ type: 'amendments' })),
    hub.subscribe('document-changed', (e) => here(e) && (e.kind === 'amendment' ? amendmentTexts.soon() : texts.soon())),
    hub.subscribe('ballots-changed', (e) => here(e) && void send({ type: 'ballots', ballotId: e.ballotId })),
    hub.subscribe('vote-cast', (e) => {
      if (!here(e)) return
      castIn.add(e.ballotId)
      participation.soon()
    }),
    hub.subscribe('attendance-changed', (e) => here(e) && void send({ type: 'attendance' })),
    hub.subscribe('projector-changed', (e) => here(e) && void send({ type: 'projector', ballotId: e.ballotId })),
    hub.subscribe('floor-changed', (e) => here(e) && void send({ type: 'floor' })),
    // The person's own channel: only their streams hear of their notifications.
    hub.subscribe('notified', (e) => here(e) && e.participantIds.includes(participantId) && void send({ type: 'notifications' })),
    hub.subscribe('participant-revoked', (e) => e.participantId === participantId && sink.abort()),
    // Signing out ends this session's streams too, not only its cookie.
    hub.subscribe('session-closed', (e) => e.tokenHash === tokenHash && sink.abort()),
  ]
  hub.join(congressId, participantId)
  const keepalive = setInterval(() => void sink.write(': keepalive\n\n').catch(() => sink.abort()), keepaliveMs)
  try {
    await send({ type: 'phase', phase: hub.phaseOf(congressId) })
    await sendPresence()
    // On every (re)connection: what arrived while offline is read again.
    await send({ type: 'notifications' })
    await new Promise<void>((resolve) => sink.onAbort(resolve))
  } finally {
    clearInterval(keepalive)
    presence.cancel()
    amendmentTexts.cancel()
    texts.cancel()
    participation.cancel()
    for (const stop of unsubscribe) stop()
    hub.leave(congressId, participantId)
  }
}
