import type { CongressField, PlaceChange, VotedPlaceChange, VotedSubject } from './voted-place.ts'

// The French words for voted subjects and the changes to their place: the server's messages and
// the French client say them alike (the English ones are in client/i18n/errors/voted-place-en.ts).

export function subjectFr(subject: VotedSubject): string {
  switch (subject.kind) {
    case 'motion':
      return 'la motion'
    case 'preamble':
      return 'le préambule'
    case 'proposal':
      return subject.number === undefined ? 'une proposition' : `la proposition ${subject.number}`
    case 'amendment':
      return subject.label === undefined ? 'un amendement' : `l’amendement ${subject.label}`
  }
}

/** A text by what it is; one whose kind is unknown, by its document name. */
export const textFr = (docName: string, text: VotedSubject | null): string => (text ? subjectFr(text) : docName)

const congressFieldFr: Record<CongressField, string> = {
  title: 'le titre du congrès',
  edition: 'son édition',
  organisation: 'l’organisation',
  place: 'le lieu',
  date: 'la date',
}

export function changeFr(change: PlaceChange): string {
  switch (change.kind) {
    case 'congress-detail':
      return congressFieldFr[change.field]
    case 'preamble-text':
      return 'le préambule'
    case 'question-title':
      return `le titre de la question ${change.question}`
    case 'question-order':
      return `la place de la question ${change.question} (désormais ${change.now})`
    case 'question-removed':
      return `la question ${change.question} retirée`
    case 'question-added':
      return `question ajoutée « ${change.title} »`
    case 'proposal-title':
      return `le titre de la proposition ${change.proposal}`
    case 'proposal-number':
      return `le numéro de la proposition ${change.proposal} (désormais ${change.now})`
    case 'proposal-text':
      return `le texte de la proposition ${change.proposal}`
    case 'proposal-question':
      return `la question de la proposition ${change.proposal}`
    case 'proposal-removed':
      return `la proposition ${change.proposal} retirée`
    case 'proposal-added':
      return `proposition ajoutée « ${change.title} »`
    case 'proposal-appeared':
      return 'la proposition'
    case 'amendment-number':
      return 'le numéro de l’amendement'
    case 'amendment-text':
      return 'le texte de l’amendement'
    case 'amended-proposal-number':
      return 'le numéro de la proposition qu’il amende'
    case 'subject-kind':
      return 'la nature du scrutin'
    case 'record-altered':
      return 'ce qui a été enregistré à l’ouverture de son scrutin'
  }
}

/** Per subject, its first changes (a move can renumber every proposal) and how many more. */
export const votedPlaceChangesFr = (places: readonly VotedPlaceChange[]): string =>
  places
    .map((p) => {
      const shown = p.changes.slice(0, 4).map(changeFr).join(', ')
      const more = p.changes.length - 4
      return `${subjectFr(p.subject)} : ${shown}${more > 0 ? ` et ${more} autre${more > 1 ? 's' : ''} changement${more > 1 ? 's' : ''}` : ''}`
    })
    .join(' ; ')
