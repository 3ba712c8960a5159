import type { frBallots } from './fr-ballots.ts'

const publishEffects = {
  amendment: () => 'the amendment is merged into its text if adopted, set aside if rejected',
  amendments: (n: number) => `each of the ${n} amendments is merged into its text if adopted, set aside if rejected`,
  proposal: () => 'the proposal is adopted or rejected',
  proposals: (n: number) => `each of the ${n} proposals is adopted or rejected`,
  part: () => 'a rejected part is removed from the text',
  motion: () => 'the motion is adopted or rejected',
}

export const enBallots: typeof frBallots = {
  subjectChoose: '— Choose what is put to the vote —',
  subjectRequired: 'Choose what is put to the vote: no ballot is created without a subject.',
  created: (label) => `Ballot created: ${label}, in preparation in the list below.`,
  ruleApplied: 'Rule applied:',
  ruleAppliedHelp: 'The default rule; it can be changed on the ballot while it is in preparation.',
  quorum: (q) => (q.kind === 'none' ? 'no quorum' : q.kind === 'count' ? `quorum: ${q.count} ${q.count === 1 ? 'person' : 'people'}` : `quorum: ${Math.round(q.share * 1000) / 10}% of those entitled`),
  proxies: (allowed, max) => (allowed ? `proxies allowed (${max === 1 ? '1 per person' : `up to ${max} per person`})` : 'no proxies'),
  ruleLine: (majority, base, quorum, secrecy, proxies) => `${majority} of ${base}; ${quorum}; ${secrecy}; ${proxies}`,
  blockCreated: (n) => `Ballot created: ${n} proposals voted as one block, in preparation in the list below.`,
  blockAmendmentsCreated: (n) => `Ballot created: ${n} amendments voted as one block, in preparation in the list below.`,
  editRule: 'Change this ballot’s rule',
  saveBallotRule: 'Save this ballot’s rule',
  ballotRuleSaved: 'Ballot rule saved.',
  opened: 'Vote opened.',
  closed: 'Vote closed: the result is below.',
  published: 'Results published.',
  deleted: (label) => `Ballot on ${label} deleted.`,
  projectedNow: 'Shown on the projector.',
  confirmPublish: (label, effect) =>
    `Publish the results of the vote on ${label}? They take effect: ${effect.kind === 'amendments' || effect.kind === 'proposals' ? publishEffects[effect.kind](effect.count) : publishEffects[effect.kind]()}.`,
  phaseNeeded: (phase) => `Ballots are created and opened in the voting phase only: they fix the text put to the vote and the list of voters. The motion is in the “${phase}” phase.`,
  phaseNeededLink: 'Change the phase from the bureau page',
  openDisabled: 'Cannot open outside the voting phase.',
}
