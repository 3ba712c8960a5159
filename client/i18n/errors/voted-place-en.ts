import type { CongressField, PlaceChange, VotedPlaceChange, VotedSubject } from '../../../shared/ballots/voted-place.ts'

// The English words for voted subjects and the changes to their place (the French ones, which
// the server shares, are in shared/ballots/voted-place-fr.ts).

export function subjectEn(subject: VotedSubject): string {
  switch (subject.kind) {
    case 'motion':
      return 'the motion'
    case 'preamble':
      return 'the preamble'
    case 'proposal':
      return subject.number === undefined ? 'a proposal' : `proposal ${subject.number}`
    case 'amendment':
      return subject.label === undefined ? 'an amendment' : `amendment ${subject.label}`
  }
}

/** A text by what it is; one whose kind is unknown, by its document name. */
export const textEn = (docName: string, text: VotedSubject | null): string => (text ? subjectEn(text) : docName)

const congressFieldEn: Record<CongressField, string> = {
  title: 'the congress’s title',
  edition: 'its edition',
  organisation: 'the organisation',
  place: 'the place',
  date: 'the date',
}

export function changeEn(change: PlaceChange): string {
  switch (change.kind) {
    case 'congress-detail':
      return congressFieldEn[change.field]
    case 'preamble-text':
      return 'the preamble'
    case 'question-title':
      return `the title of question ${change.question}`
    case 'question-order':
      return `the place of question ${change.question} (now ${change.now})`
    case 'question-removed':
      return `question ${change.question} removed`
    case 'question-added':
      return `question added “${change.title}”`
    case 'proposal-title':
      return `the title of proposal ${change.proposal}`
    case 'proposal-number':
      return `the number of proposal ${change.proposal} (now ${change.now})`
    case 'proposal-text':
      return `the text of proposal ${change.proposal}`
    case 'proposal-question':
      return `the question of proposal ${change.proposal}`
    case 'proposal-removed':
      return `proposal ${change.proposal} removed`
    case 'proposal-added':
      return `proposal added “${change.title}”`
    case 'proposal-appeared':
      return 'the proposal'
    case 'amendment-number':
      return 'the amendment’s number'
    case 'amendment-text':
      return 'the amendment’s text'
    case 'amended-proposal-number':
      return 'the number of the proposal it amends'
    case 'subject-kind':
      return 'the kind of ballot'
    case 'record-altered':
      return 'what was recorded when its ballot opened'
  }
}

/** Per subject, its first changes (a move can renumber every proposal) and how many more. */
export const votedPlaceChangesEn = (places: readonly VotedPlaceChange[]): string =>
  places
    .map((p) => {
      const shown = p.changes.slice(0, 4).map(changeEn).join(', ')
      const more = p.changes.length - 4
      return `${subjectEn(p.subject)}: ${shown}${more > 0 ? ` and ${more} other change${more > 1 ? 's' : ''}` : ''}`
    })
    .join('; ')
