import type { frAmendment } from './fr-amendment.ts'

export const enAmendment: typeof frAmendment = {
  unsaved: 'Unsaved changes',
  leaveUnsaved: 'Some changes on this page are not saved. Discard them and leave the page?',
  justificationSaved: 'Statement of reasons saved.',
  textSavesItself: 'The text saves as you type, without a button.',
  submitSavesFirst: 'Submitting first saves the statement of reasons as written.',
  submitted: 'Amendment submitted to the bureau.',
  ruledBy: (admissible, by, at) => `Ruled ${admissible ? 'admissible' : 'inadmissible'}${by ? ` by ${by}` : ' from the command line'} on ${at}`,
  reasonLabel: 'Reason:',
  rulingChangeHeading: 'Change the ruling',
  rulingChangeHelp: (admissible) =>
    `The amendment will become ${admissible ? 'inadmissible' : 'admissible'}. The reason is required and goes into the decision log, with the ruling it replaces.`,
  rulingChangeReason: 'Reason for the change',
  rulingChangeTo: (admissible) => (admissible ? 'Rule inadmissible' : 'Rule admissible'),
  rulingChanged: (admissible) => `Ruling changed: the amendment is ${admissible ? 'admissible' : 'inadmissible'}.`,
  rulingFixed: 'This ruling can no longer change: a ballot on the amendment or one of its sub-amendments has been prepared, or the amended text has been put to the vote.',
  ruled: (admissible) => `The amendment is ruled ${admissible ? 'admissible' : 'inadmissible'}.`,
  decisionHeading: 'Decide without a vote',
  decisionHelp: 'Usually the assembly votes: prepare a ballot from the ballots page. These buttons decide without a vote.',
  adoptConfirm: (label, text) =>
    `Adopt ${label} without a vote? Its change is merged into the text (${text}) at once; admissible amendments changing the same lines fall. This goes into the log and cannot be undone.`,
  rejectConfirm: (label) => `Reject ${label} without a vote? Its waiting sub-amendments fall with it. This goes into the log and cannot be undone.`,
  mergeConfirm: (label) => `Merge ${label} into the text now? First check that it fits the amendments already merged on the same lines.`,
  adopted: (merged) => (merged ? 'Amendment adopted and merged into the text.' : 'Amendment adopted; it waits for review before being merged.'),
  rejected: 'Amendment rejected.',
  merged: 'Amendment merged into the text.',
  opinionSaved: 'Bureau’s opinion saved.',
}
