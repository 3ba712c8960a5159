import type { MotionMessages } from './fr-motion.ts'

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`

export const enMotion: MotionMessages = {
  nav: 'The whole motion',
  linkIntro: 'The preamble and every proposal, to read at once or to print.',
  title: 'The motion',
  liveIntro: 'The text as it stands now: it follows edits, amendments and votes live.',
  sealedHeading: 'The sealed motion',
  sealedIntro: 'The exact text of the seal’s motion.json file, checked above.',
  sealedUnreadable: 'The sealed text could not be read: download motion.html or motion.pdf below.',
  tools: 'Display and printing',
  print: 'Print',
  lineNumbers: 'Number the lines',
  lineNumber: (n: number) => `line ${n}`,
  contents: 'Contents',
  motionStatus: 'The motion as a whole:',
  status: { adopted: 'Adopted', rejected: 'Rejected', 'under-vote': 'Being voted on', 'not-voted': 'Not voted yet' },
  statusLabel: 'Status:',
  preambleNote: 'The preamble is voted with the motion as a whole.',
  emptyText: 'Empty text.',
  noProposal: 'No proposal under this question.',
  amendmentsLabel: 'Amendments:',
  noAmendment: 'none',
  amendmentGroups: {
    draft: (n: number) => `${n} in drafting`,
    submitted: (n: number) => `${n} filed`,
    admissible: (n: number) => `${n} admissible`,
    inadmissible: (n: number) => `${n} inadmissible`,
    adopted: (n: number) => `${n} adopted`,
    rejected: (n: number) => `${n} rejected`,
    fallen: (n: number) => `${n} fallen`,
    withdrawn: (n: number) => `${n} withdrawn`,
  },
  mergedAmendments: (n: number) => plural(n, 'amendment adopted and merged into the text', 'amendments adopted and merged into the text'),
  votes: (yes: number, no: number, abstain: number) => `For ${yes}, against ${no}, abstentions ${abstain}`,
  outcome: { adopted: 'adopted', rejected: 'rejected', 'no-quorum': 'quorum not reached' },
}
