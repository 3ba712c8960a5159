import type { VoteReceiptView } from '../../shared/api-types.ts'
import { isChoice, type Choice } from '../../shared/ballots/ballot-rule.ts'
import { boardNonce, nonceHexPattern, receiptFor } from '../../shared/ballots/receipt.ts'
import type { StoredParticipation, VoteContext } from '../../db/vote-store.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { appendAudit, auditActor } from './audit.ts'
import { clientVoteHash, newNonce, openReceipt, sealReceipt, type VoteKey } from './ballot-receipts.ts'

export interface VoteInput {
  readonly choice: Choice
  /** The person represented; the voter themselves when absent. */
  readonly onBehalfOf?: string
  /** Chosen by the voter's device and sent again on a retry: the same vote, the same receipt. */
  readonly clientVoteId: string
  /** 32 hex characters drawn by the voter's device, mixed into the receipt (the server draws them if absent). */
  readonly deviceNonce?: string
}

const clientVoteIdPattern = /^[A-Za-z0-9_-]{16,100}$/

export function parseVote(body: Record<string, unknown>): VoteInput {
  if (!isChoice(body.choice)) throw new AppError(400, 'bad_request', 'Champ « choice » : doit valoir « yes », « no » ou « abstain ».')
  if (typeof body.clientVoteId !== 'string' || !clientVoteIdPattern.test(body.clientVoteId)) {
    throw new AppError(400, 'bad_request', 'Champ « clientVoteId » : de 16 à 100 caractères parmi A-Z, a-z, 0-9, « - » et « _ ».')
  }
  if (body.onBehalfOf !== undefined && (typeof body.onBehalfOf !== 'string' || body.onBehalfOf.length === 0 || body.onBehalfOf.length > 64)) {
    throw new AppError(400, 'bad_request', 'Champ « onBehalfOf » : l’identifiant de la personne représentée.')
  }
  if (body.deviceNonce !== undefined && (typeof body.deviceNonce !== 'string' || !nonceHexPattern.test(body.deviceNonce))) {
    throw new AppError(400, 'bad_request', 'Champ « deviceNonce » : 32 caractères hexadécimaux (0-9, a-f) tirés par l’appareil.')
  }
  return {
    choice: body.choice,
    clientVoteId: body.clientVoteId,
    ...(body.onBehalfOf === undefined ? {} : { onBehalfOf: body.onBehalfOf }),
    ...(body.deviceNonce === undefined ? {} : { deviceNonce: body.deviceNonce }),
  }
}

type VoteDeps = Pick<AppDeps, 'db' | 'hub' | 'votes' | 'clock'>

/**
 * Casts one vote. The checks run synchronously; the write joins the next group commit and the
 * answer waits for it. The database's primary key on (ballot, person represented) is what makes a
 * second vote impossible; a retry is recognised by its clientVoteId and, while the ballot is open,
 * answered with the receipt it got the first time.
 */
export async function castVote(deps: VoteDeps, actor: SessionActor, ballotId: string, input: VoteInput): Promise<VoteReceiptView> {
  const { votes } = deps
  const representedId = input.onBehalfOf ?? actor.participantId
  const context = votes.context(ballotId, representedId)
  if (!context) throw new AppError(404, 'not_found', 'Ce scrutin n’existe pas.')
  const { ballot } = context
  requireAllowed(deps, actor, ballot.congress_id, 'ballot.vote')
  const key: VoteKey = { ballotId, representedId, clientVoteId: input.clientVoteId }

  if (ballot.status === 'draft') throw new AppError(409, 'ballot_closed', 'Ce scrutin n’est pas encore ouvert.')
  if (context.holderId !== actor.participantId) {
    throw new AppError(
      403,
      'forbidden',
      representedId === actor.participantId
        ? 'Vous ne votez pas dans ce scrutin : vous n’étiez pas pointé·e présent·e à son ouverture, ou vous avez donné pouvoir.'
        : 'Vous ne détenez pas le pouvoir de cette personne pour ce scrutin.',
    )
  }

  if (context.participation) return answerCast(deps, actor, context, key, context.participation)
  const now = deps.clock()
  if (ballot.status !== 'open' || (ballot.closes_at !== null && now >= ballot.closes_at)) {
    throw new AppError(409, 'ballot_closed', 'Ce scrutin est clos : le vote n’a pas été enregistré.')
  }

  const serverNonce = newNonce()
  const nonce = boardNonce(serverNonce, input.deviceNonce ?? newNonce())
  const receipt = receiptFor(ballotId, input.choice, nonce)
  const secret = (JSON.parse(ballot.rule) as { secrecy: string }).secrecy !== 'roll-call'
  const outcome = await votes.cast({
    ballotId,
    representedId,
    clientVoteHash: clientVoteHash(key),
    receiptBox: sealReceipt(key, { receipt, nonce: serverNonce }),
    receipt,
    choice: input.choice,
    nonce,
    publicVoterId: secret ? null : representedId,
    now,
  })
  if (outcome === 'not-open') throw new AppError(409, 'ballot_closed', 'Ce scrutin n’est pas ouvert : le vote n’a pas été enregistré.')
  if (outcome === 'already-voted') {
    const stored = votes.participation(ballotId, representedId)
    if (stored) return answerCast(deps, actor, context, key, stored)
  }
  deps.hub.voteCast(ballot.congress_id, ballotId)
  return { receipt, nonce: serverNonce }
}

/**
 * A vote is already in for this person. The same device retrying while the ballot is open gets its
 * receipt back; after the close, no one does (the sealed receipts are gone: the board is where a
 * device finds its vote). Anyone else is told when that vote was cast, and the attempt is logged.
 */
async function answerCast(deps: VoteDeps, actor: SessionActor, context: VoteContext, key: VoteKey, stored: StoredParticipation): Promise<VoteReceiptView> {
  const when = stored.cast_at === null ? '' : ` (${castTime(stored.cast_at)})`
  if (context.ballot.status !== 'open') {
    throw new AppError(409, 'ballot_closed', `Ce scrutin est clos. Un vote avait été enregistré pour cette personne${when} ; s’il vient de cet appareil, retrouvez-le sur le tableau des bulletins.`)
  }
  const answer = stored.client_vote_hash === clientVoteHash(key) ? openReceipt(key, stored.receipt_box) : undefined
  if (answer) return answer
  if (deps.votes.firstRefusal(key.ballotId, key.representedId, actor.participantId)) await logRefusal(deps, actor, context, key, stored)
  throw new AppError(
    409,
    'already_voted',
    `Un vote a déjà été exprimé pour cette personne${when} ; un vote est définitif. Si ce n’était pas vous, prévenez le bureau : cette tentative est inscrite au journal.`,
  )
}

/** The refused attempt in the decision log: who tried, for whom, when the vote had been cast; never a choice. */
async function logRefusal(deps: VoteDeps, actor: SessionActor, context: VoteContext, key: VoteKey, stored: StoredParticipation): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const represented = await trx.selectFrom('participants').select('name').where('id', '=', key.representedId).executeTakeFirst()
    await appendAudit(
      trx,
      {
        congressId: context.ballot.congress_id,
        actor: auditActor(actor),
        action: 'vote.already_cast',
        payload: { ballotId: key.ballotId, representedId: key.representedId, represented: represented?.name ?? null, castAt: stored.cast_at },
      },
      deps.clock(),
    )
  })
}

/** "le 29/11/2026 à 20:14" in the server's time zone (the hall's). */
function castTime(ms: number): string {
  const date = new Date(ms)
  return `le ${date.toLocaleDateString('fr-FR')} à ${date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`
}
