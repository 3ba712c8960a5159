import type { frDesk } from './fr-desk.ts'
import { plural } from './plural.ts'
const list = (parts: readonly string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(parts)

export const enDesk: typeof frDesk = {
  checkHeading: 'Before freezing: what is still outstanding',
  checkLoading: 'Checking what is still outstanding…',
  checkFailed: 'The list of what is still outstanding could not be read: reload the page before freezing.',
  nothingOutstanding: 'Nothing is outstanding: every proposal was put to the vote, no amendment awaits a decision, no ballot is open or waiting to be published.',
  phaseUnusual: (phase) => `The motion is not in the voting phase (current phase: ${phase.toLocaleLowerCase('en')}): freezing now is unusual.`,
  proposalsNotVoted: (n) => `${plural(n, 'proposal', 'proposals')} not put to the vote:`,
  amendmentsSubmitted: (n) => `${plural(n, 'amendment awaits', 'amendments await')} the bureau’s ruling on admissibility:`,
  amendmentsAdmissible: (n) => `${plural(n, 'admissible amendment', 'admissible amendments')} not put to the vote:`,
  amendmentsAdopted: (n) => `${plural(n, 'adopted amendment', 'adopted amendments')} not merged into the text:`,
  ballotsOpen: (n) => `${plural(n, 'ballot', 'ballots')} open (the freeze is refused while one is):`,
  ballotsClosed: (n) => `${plural(n, 'ballot', 'ballots')} closed and not published:`,
  motionSubject: 'Motion',
  proposalSpoken: (label, title) => `${label}: ${title}`,
  confirmLabel: (parts, phase) =>
    `I freeze the motion${parts.length > 0 ? ` with ${list(parts)}` : ''}${phase === undefined ? '' : `${parts.length > 0 ? ',' : ''} outside the voting phase (phase: ${phase.toLocaleLowerCase('en')})`}`,
  confirmProposals: (n) => `${plural(n, 'proposal', 'proposals')} not put to the vote`,
  confirmAmendments: (n) => `${plural(n, 'amendment', 'amendments')} pending`,
  confirmBallots: (n) => `${plural(n, 'ballot', 'ballots')} open or not published`,
  confirmNeeded: 'First tick the box above: the freeze seals these as they stand.',
  listChanged: 'What is outstanding has changed since you confirmed: read the list again and confirm again.',
  outcomeLabel: 'Outcome:',
  outcome: { adopted: 'Adopted', rejected: 'Rejected', notVoted: 'Not put to the vote' },
}
