import type { BallotErrorParams, BallotStep } from '../../../shared/errors/ballot-errors.ts'
import type { BallotStatus } from '../../../shared/ballots/ballot-status.ts'
import { ballotStatusNames, ballotStepNames } from '../../../shared/ballots/ballot-status-names.ts'
import type { ErrorMessages } from './error-messages.ts'

const statusEn: { readonly [S in BallotStatus]: string } = { draft: 'in preparation', open: 'open', closed: 'closed', published: 'published' }
const stepEn: { readonly [S in BallotStep]: string } = {
  update: 'change its rule',
  delete: 'delete it',
  open: 'open it',
  close: 'close it',
  publish: 'publish it',
  vote: 'vote in it',
  count_in_room: 'enter a count made in the room',
}

const castFr = (castAt: number | null | undefined) =>
  castAt ? ` (le ${new Date(castAt).toLocaleDateString('fr-FR')} à ${new Date(castAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })})` : ''
const castEn = (castAt: number | null | undefined) =>
  castAt ? ` (on ${new Date(castAt).toLocaleDateString('en-GB')} at ${new Date(castAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })})` : ''

export const ballotFr: ErrorMessages<BallotErrorParams> = {
  ballot_not_found: () => 'Ce scrutin n’existe pas.',
  ballot_status: (e) => `Ce scrutin est ${ballotStatusNames[e.status]} : impossible de ${ballotStepNames[e.attempted]}.`,
  ballot_changed_meanwhile: () => 'Le scrutin vient de changer : rechargez la page.',
  ballot_already_open: () => 'Un autre scrutin est déjà ouvert : clôturez-le d’abord.',
  ballot_closed: (e) =>
    e.castAt === undefined
      ? 'Ce scrutin est clos : le vote n’a pas été enregistré.'
      : `Ce scrutin est clos. Un vote avait été enregistré pour cette personne${castFr(e.castAt)} ; s’il vient de cet appareil, retrouvez-le sur le tableau des bulletins.`,
  already_voted: (e) =>
    `Un vote a déjà été exprimé pour cette personne${castFr(e.castAt)} ; un vote est définitif. Si ce n’était pas vous, prévenez le bureau : cette tentative est inscrite au journal.`,
  not_on_voting_list: (e) =>
    e.self
      ? 'Vous ne votez pas dans ce scrutin : vous n’étiez pas pointé·e présent·e à son ouverture, ou vous avez donné pouvoir.'
      : 'Vous ne détenez pas le pouvoir de cette personne pour ce scrutin.',
  result_not_visible: (e) => (e.status === 'closed' ? 'Le résultat n’est pas encore publié.' : 'Aucun résultat avant la clôture du scrutin.'),
  board_duplicate_receipts: () => 'L’urne contient deux fois le même reçu : le scrutin ne peut pas être clos.',
  subject_not_found: (e) => (e.kind === 'amendment' ? 'Cet amendement n’existe pas.' : 'Cette proposition n’existe pas.'),
  subject_not_admissible: () => 'Seul un amendement déclaré recevable est mis aux voix.',
  block_same_text: () => 'Un vote en bloc réunit des amendements de textes différents : ceux d’un même texte se votent l’un après l’autre.',
  subject_parent_decided: () => 'Ce sous-amendement ne se vote plus : l’amendement qu’il modifie n’attend plus son vote.',
  division_order: (e) =>
    e.reason === 'whole_voted'
      ? 'L’ensemble de la proposition a déjà été mis aux voix : ses parties ne se votent plus.'
      : 'Une autre partie de cette proposition attend son résultat : publiez-le d’abord.',
  part_invalid: (e) => `Une partie réunit certains des ${e.count} paragraphes de la proposition, pas tous, et chacun une seule fois.`,
  part_not_found: () => 'Les paragraphes de cette partie ne sont plus tous dans le texte : supprimez ce scrutin et créez la partie à nouveau.',
  voted_text_missing: () => 'Le texte mis aux voix est introuvable.',
  voted_texts_changed_meanwhile: () => 'Les textes à mettre aux voix viennent de changer : ouvrez le scrutin à nouveau.',
  text_voted: (e) =>
    e.attempted === 'merge'
      ? 'Le texte visé a été mis aux voix : il ne change plus, l’amendement adopté ne peut pas y être intégré.'
      : 'Le texte que vise cet amendement a déjà été mis aux voix : il ne change plus, l’amendement ne peut plus être voté.',
  amendment_under_ballot: () => 'Un scrutin sur cet amendement est en cours : il ne change plus avant la publication du résultat.',
  voter_not_found: () => 'Ce participant n’existe pas ou ne vote pas.',
  badge_code_unknown: () => 'Aucun participant votant de ce congrès n’a ce code.',
  room_code_mismatch: () => 'Ce n’est pas le code affiché dans la salle.',
  room_code_limited: (e) => `Trop de codes erronés : réessayez dans ${e.retryAfterSeconds} secondes.`,
  proxy_to_self: () => 'On ne se donne pas pouvoir à soi-même.',
  proxies_not_allowed: () => 'La règle de vote du congrès n’admet pas les pouvoirs.',
  proxy_already_given: (e) => `${e.giverName} a déjà donné pouvoir : retirez ce pouvoir d’abord.`,
  proxy_holder_gave: (e) => `${e.holderName} a donné pouvoir : il ne peut en recevoir.`,
  proxy_giver_holds: (e) => `${e.giverName} détient un pouvoir : il ne peut en donner.`,
  proxy_holder_full: (e) => `${e.holderName} détient déjà ${e.maxPerHolder} pouvoir(s), le maximum par personne.`,
  proxy_not_found: () => 'Ce participant n’a pas donné pouvoir.',
  room_count_exceeds_electorate: (e) =>
    `Décompte refusé : ${e.electronic} vote(s) sur les appareils et ${e.room} en salle dépassent les ${e.rights} voix des présents et représentés. Recomptez.`,
  room_count_form: (e) => (e.secrecy === 'roll-call' ? 'Un scrutin public se compte en salle nom par nom.' : 'Un scrutin secret se compte en salle par nombres seulement, sans noms.'),
  room_voter_not_on_list: () => 'Une personne comptée en salle ne vote pas dans ce scrutin : elle n’était ni présente ni représentée à son ouverture.',
  room_voter_already_voted: (e) => `${e.name} a déjà voté sur un appareil : une seule voix par personne.`,
}

export const ballotEn: ErrorMessages<BallotErrorParams> = {
  ballot_not_found: () => 'This ballot does not exist.',
  ballot_status: (e) => `This ballot is ${statusEn[e.status]}: you cannot ${stepEn[e.attempted]}.`,
  ballot_changed_meanwhile: () => 'The ballot has just changed: reload the page.',
  ballot_already_open: () => 'Another ballot is already open: close it first.',
  ballot_closed: (e) =>
    e.castAt === undefined
      ? 'This ballot is closed: the vote was not recorded.'
      : `This ballot is closed. A vote had been recorded for this person${castEn(e.castAt)}; if it came from this device, find it on the ballot board.`,
  already_voted: (e) => `A vote has already been cast for this person${castEn(e.castAt)}; a vote is final. If it was not you, tell the bureau: this attempt is logged.`,
  not_on_voting_list: (e) =>
    e.self ? 'You do not vote in this ballot: you were not checked in when it opened, or you gave your proxy.' : 'You do not hold this person’s proxy for this ballot.',
  result_not_visible: (e) => (e.status === 'closed' ? 'The result is not published yet.' : 'No result before the ballot closes.'),
  board_duplicate_receipts: () => 'The ballot box holds the same receipt twice: the ballot cannot be closed.',
  subject_not_found: (e) => (e.kind === 'amendment' ? 'This amendment does not exist.' : 'This proposal does not exist.'),
  subject_not_admissible: () => 'Only an amendment declared admissible is put to the vote.',
  block_same_text: () => 'A block vote takes amendments to different texts: those to one text are voted one after the other.',
  subject_parent_decided: () => 'This sub-amendment can no longer be voted: the amendment it changes is no longer waiting for its vote.',
  division_order: (e) =>
    e.reason === 'whole_voted' ? 'The whole proposal was already put to the vote: its parts are no longer voted.' : 'Another part of this proposal is waiting for its result: publish it first.',
  part_invalid: (e) => `A part takes some of the proposal’s ${e.count} paragraphs, not all of them, each once.`,
  part_not_found: () => 'The paragraphs of this part are no longer all in the text: delete this ballot and make the part again.',
  voted_text_missing: () => 'The text put to the vote cannot be found.',
  voted_texts_changed_meanwhile: () => 'The texts to put to the vote have just changed: open the ballot again.',
  text_voted: (e) =>
    e.attempted === 'merge'
      ? 'The amended text was put to the vote: it no longer changes, the adopted amendment cannot be merged into it.'
      : 'The text this amendment targets has already been put to the vote: it no longer changes, the amendment can no longer be voted on.',
  amendment_under_ballot: () => 'A ballot on this amendment is under way: it does not change until the result is published.',
  voter_not_found: () => 'This participant does not exist or has no vote.',
  badge_code_unknown: () => 'No voting participant of this congress has this code.',
  room_code_mismatch: () => 'This is not the code shown in the room.',
  room_code_limited: (e) => `Too many wrong codes: try again in ${e.retryAfterSeconds} seconds.`,
  proxy_to_self: () => 'One cannot give a proxy to oneself.',
  proxies_not_allowed: () => 'The congress’s voting rule does not allow proxies.',
  proxy_already_given: (e) => `${e.giverName} has already given a proxy: withdraw it first.`,
  proxy_holder_gave: (e) => `${e.holderName} gave a proxy: they cannot receive one.`,
  proxy_giver_holds: (e) => `${e.giverName} holds a proxy: they cannot give theirs.`,
  proxy_holder_full: (e) => `${e.holderName} already holds ${e.maxPerHolder} proxy(ies), the most per person.`,
  proxy_not_found: () => 'This participant has not given a proxy.',
  room_count_exceeds_electorate: (e) =>
    `Count refused: ${e.electronic} vote(s) on phones and ${e.room} in the room are more than the ${e.rights} votes of those present and represented. Count again.`,
  room_count_form: (e) => (e.secrecy === 'roll-call' ? 'A roll-call ballot is counted in the room name by name.' : 'A secret ballot is counted in the room by numbers only, without names.'),
  room_voter_not_on_list: () => 'Someone counted in the room does not vote in this ballot: they were neither present nor represented when it opened.',
  room_voter_already_voted: (e) => `${e.name} has already voted on a phone: one vote per person.`,
}
