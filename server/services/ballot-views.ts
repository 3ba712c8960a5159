// Kept for the amendments' publish command while it moves: the ballot's reads now live in
// server/presenters/ballot-view.ts and its row helpers in server/commands/ballots/ballot-rows.ts.
export { loadBallot, requireNoBallotUnderway } from '../commands/ballots/ballot-rows.ts'
export { ballotRule, ballotView, resultVisible, subjectOf } from '../presenters/ballot-view.ts'
