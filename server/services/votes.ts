import type { VoteReceiptView } from '../../shared/api-types.ts'
import { isChoice, type Choice } from '../../shared/ballots/ballot-rule.ts'
import { AppError } from '../app-error.ts'
import { requireAllowed } from '../auth/authorize.ts'
import type { AppDeps, SessionActor } from '../env.ts'
import { clientVoteHash, newNonce, openReceipt, receiptFor, sealReceipt, type VoteKey } from './ballot-receipts.ts'

export interface VoteInput {
  readonly choice: Choice
  /** The person represented; the voter themselves when absent. */
  readonly onBehalfOf?: string
  /** Chosen by the voter's device and sent again on a retry: the same vote, the same receipt. */
  readonly clientVoteId: string
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
  return { choice: body.choice, clientVoteId: body.clientVoteId, ...(body.onBehalfOf === undefined ? {} : { onBehalfOf: body.onBehalfOf }) }
}

/**
 * Casts one vote, synchronously from the checks to the commit. The database's primary key on
 * (ballot, person represented) is what makes a second vote impossible; a retry is recognised by its
 * clientVoteId and answered with the receipt it got the first time.
 */
export function castVote(deps: Pick<AppDeps, 'hub' | 'votes' | 'clock'>, actor: SessionActor, ballotId: string, input: VoteInput): VoteReceiptView {
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

  // A retry gets its receipt back, even after the close: the vote it stands for was counted.
  if (context.participation) return { receipt: retried(key, context.participation) }
  const now = deps.clock()
  if (ballot.status !== 'open' || (ballot.closes_at !== null && now >= ballot.closes_at)) {
    throw new AppError(409, 'ballot_closed', 'Ce scrutin est clos : le vote n’a pas été enregistré.')
  }

  const nonce = newNonce()
  const receipt = receiptFor(ballotId, input.choice, nonce)
  const secret = (JSON.parse(ballot.rule) as { secrecy: string }).secrecy !== 'roll-call'
  const outcome = votes.cast({
    ballotId,
    representedId,
    clientVoteHash: clientVoteHash(key),
    receiptBox: sealReceipt(key, receipt),
    receipt,
    choice: input.choice,
    nonce,
    publicVoterId: secret ? null : representedId,
    now,
  })
  if (outcome === 'not-open') throw new AppError(409, 'ballot_closed', 'Ce scrutin n’est pas ouvert : le vote n’a pas été enregistré.')
  if (outcome === 'already-voted') {
    const stored = votes.participation(ballotId, representedId)
    if (stored) return { receipt: retried(key, stored) }
  }
  deps.hub.voteCast(ballot.congress_id, ballotId)
  return { receipt }
}

function retried(key: VoteKey, stored: { client_vote_hash: string; receipt_box: Uint8Array }): string {
  const receipt = stored.client_vote_hash === clientVoteHash(key) ? openReceipt(key, stored.receipt_box) : undefined
  if (receipt === undefined) throw new AppError(409, 'already_voted', 'Ce vote a déjà été exprimé ; un vote est définitif.')
  return receipt
}
