import QRCode from 'qrcode'
import type { ProjectorView } from '../../shared/api-types.ts'
import { roomCode } from '../commands/attendance/attendance-rows.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { loadCongress } from '../commands/congress/congress-rows.ts'
import { publicBase } from '../public-url.ts'
import { ballotView, type BallotPresenterDeps, type BallotViewDeps } from './ballot-view.ts'

/** Where a phone in the room goes to vote: what the projector's QR code encodes. */
const joinUrl = (requestUrl: string, congressId: string) => `${publicBase(requestUrl)}/congresses/${encodeURIComponent(congressId)}/vote`

/** The wall: the congress's title, the ballot projected (or, with none, the next one prepared), how to join and the room's code. */
export async function projectorView(deps: BallotViewDeps, actor: CommandActor, congressId: string, requestUrl: string): Promise<ProjectorView> {
  const congress = await loadCongress(deps.db, congressId)
  const row = congress.projected_ballot_id ? await deps.db.selectFrom('ballots').selectAll().where('id', '=', congress.projected_ballot_id).executeTakeFirst() : undefined
  // What the idle wall announces: the ballot the bureau prepared first and has not opened yet.
  const next = row
    ? undefined
    : await deps.db.selectFrom('ballots').selectAll().where('congress_id', '=', congressId).where('status', '=', 'draft').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst()
  return {
    congressTitle: congress.title,
    ballot: row ? await ballotView(deps, row, actor.role) : null,
    joinUrl: joinUrl(requestUrl, congressId),
    roomCode: await roomCode(deps.db, congressId),
    nextBallot: next ? (await ballotView(deps, next, actor.role)).subject : null,
  }
}

/** `GET /api/congresses/:id/projector`; `requestUrl` gives the address phones reach. */
export function showProjector(deps: BallotPresenterDeps, actor: CommandActor, input: { congressId: string; requestUrl: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'projector.show')
    return projectorView(deps, actor, input.congressId, input.requestUrl)
  })
}

/** `GET /api/congresses/:id/join-qr.svg`: the join address as a QR code. */
export function joinQrSvg(deps: BallotPresenterDeps, actor: CommandActor, input: { congressId: string; requestUrl: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'congress.read')
    return QRCode.toString(joinUrl(input.requestUrl, input.congressId), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  })
}
