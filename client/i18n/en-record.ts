import type { frRecord } from './fr-record.ts'

export const enRecord: typeof frRecord = {
  comparativeTitle: 'Comparative table',
  comparativeIntro: 'For each text: the text as put to amendment, each amendment with its outcome and the words it changes, and the text as it stands (as adopted, once the motion is frozen). Line numbers are the amendments’ own.',
  comparativeLink: 'Comparative table',
  comparativeLinkIntro: 'How each text got to its words: the initial text, the amendments and the final text, side by side.',
  minutesTitle: 'Minutes',
  minutesIntro: 'The minutes as they would be sealed now, drawn from the decision log, the ballots and the speeches. They go into the sealed bundle at the freeze.',
  minutesLink: 'Minutes (preview)',
  download: 'Download',
  downloadAs: (format: string) => `Download (${format})`,
  formats: { pdf: 'PDF', odt: 'OpenDocument', docx: 'Word', md: 'Markdown' },
  print: 'Print',
  tools: 'Download or print',
  legend: 'Added words are underlined, deleted words struck through.',
}
