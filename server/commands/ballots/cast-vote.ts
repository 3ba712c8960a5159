import type { StoredParticipation, VoteContext } from '../../../db/vote-store.ts'
import { decodeBallotRule } from '../../../db/json-columns.ts'
import type { VoteReceiptView } from '../../../shared/api-types.ts'
import { boardNonce, receiptFor } from '../../../shared/ballots/receipt.ts'
import type { CastVoteRequest } from '../../../shared/requests/ballot-requests.ts'
import { fail } from '../../domain-error.ts'
import type { AppDeps } from '../../env.ts'
import { clientVoteHash, newNonce, openReceipt, sealReceipt, type VoteKey } from '../../services/ballot-receipts.ts'
import { command, type CommandActor, type CommandDeps, type CommandSteps } from '../command.ts'

type VoteDeps = CommandDeps & Pick<AppDeps, 'votes'>

/**
 * Casts one vote: the vote storm's hot path. The checks run synchronously; the write joins the
 * vote store's next group commit (which is its transaction) and the answer waits for it. The
 * database's primary key on (ballot, person represented) is what makes a second vote impossible;
 * a retry is recognised by its clientVoteId and, while the ballot is open, answered with the
 * receipt it got the first time.
 */
export function castVote(deps: VoteDeps, actor: CommandActor, input: { ballotId: string } & CastVoteRequest) {
  const { ballotId } = input
  return command(deps, actor, async (steps): Promise<VoteReceiptView> => {
    const { votes } = deps
    const representedId = input.onBehalfOf ?? actor.participantId
    const context = await votes.context(ballotId, representedId)
    if (!context) throw fail('ballot_not_found', { ballotId }, 'Ce scrutin n’existe pas.')
    const { ballot } = context
    await steps.authorize(ballot.congress_id, 'ballot.vote')
    const key: VoteKey = { ballotId, representedId, clientVoteId: input.clientVoteId }

    if (ballot.status === 'draft') throw fail('ballot_status', { ballotId, status: 'draft', attempted: 'vote' }, 'Ce scrutin n’est pas encore ouvert.')
    if (context.holderId !== actor.participantId) {
      const self = representedId === actor.participantId
      throw fail(
        'not_on_voting_list',
        { ballotId, self },
        self
          ? 'Vous ne votez pas dans ce scrutin : vous n’étiez pas pointé·e présent·e à son ouverture, ou vous avez donné pouvoir.'
          : 'Vous ne détenez pas le pouvoir de cette personne pour ce scrutin.',
      )
    }

    if (context.participation) return answerCast(deps, steps, context, key, context.participation)
    const now = deps.clock()
    if (ballot.status !== 'open' || (ballot.closes_at !== null && now >= ballot.closes_at)) {
      throw fail('ballot_closed', { ballotId }, 'Ce scrutin est clos : le vote n’a pas été enregistré.')
    }

    const serverNonce = newNonce()
    const nonce = boardNonce(serverNonce, input.deviceNonce ?? newNonce())
    const receipt = receiptFor(ballotId, input.choice, nonce)
    const secret = decodeBallotRule(ballot.rule).secrecy !== 'roll-call'
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
    if (outcome === 'not-open') throw fail('ballot_closed', { ballotId }, 'Ce scrutin n’est pas ouvert : le vote n’a pas été enregistré.')
    if (outcome === 'already-voted') {
      const stored = await votes.participation(ballotId, representedId)
      if (stored) return answerCast(deps, steps, context, key, stored)
    }
    deps.hub.voteCast(ballot.congress_id, ballotId)
    return { receipt, nonce: serverNonce }
  })
}

/**
 * A vote is already in for this person. The same device retrying while the ballot is open gets its
 * receipt back; after the close, no one does (the sealed receipts are gone: the board is where a
 * device finds its vote). Anyone else is told when that vote was cast, and the attempt is logged.
 */
async function answerCast(deps: VoteDeps, steps: CommandSteps, context: VoteContext, key: VoteKey, stored: StoredParticipation): Promise<VoteReceiptView> {
  const { ballotId } = key
  const castAt = stored.cast_at
  const when = castAt === null ? '' : ` (${castTime(castAt)})`
  if (context.ballot.status !== 'open') {
    throw fail('ballot_closed', { ballotId, castAt }, `Ce scrutin est clos. Un vote avait été enregistré pour cette personne${when} ; s’il vient de cet appareil, retrouvez-le sur le tableau des bulletins.`)
  }
  const answer = stored.client_vote_hash === clientVoteHash(key) ? openReceipt(key, stored.receipt_box) : undefined
  if (answer) return answer
  if (deps.votes.firstRefusal(ballotId, key.representedId, steps.actor.participantId)) await logRefusal(steps, context, key, stored)
  throw fail(
    'already_voted',
    { ballotId, castAt },
    `Un vote a déjà été exprimé pour cette personne${when} ; un vote est définitif. Si ce n’était pas vous, prévenez le bureau : cette tentative est inscrite au journal.`,
  )
}

/** The refused attempt in the decision log: who tried, for whom, when the vote had been cast; never a choice. */
async function logRefusal(steps: CommandSteps, context: VoteContext, key: VoteKey, stored: StoredParticipation): Promise<void> {
  await steps.transaction(async (tx) => {
    const represented = await tx.trx.selectFrom('participants').select('name').where('id', '=', key.representedId).executeTakeFirst()
    await tx.audit(context.ballot.congress_id, 'vote.already_cast', {
      ballotId: key.ballotId,
      representedId: key.representedId,
      represented: represented?.name ?? null,
      castAt: stored.cast_at,
    })
  })
}

/** "le 29/11/2026 à 20:14" in the server's time zone (the hall's). */
function castTime(ms: number): string {
  const date = new Date(ms)
  return `le ${date.toLocaleDateString('fr-FR')} à ${date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`
}
