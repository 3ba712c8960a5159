import { enLogSentences } from '../../shared/audit/log-sentences-en.ts'
import type { frLog } from './fr-log.ts'

export const enLog: typeof frLog = {
  sentences: enLogSentences,
  filters: 'Filter the log',
  kindLabel: 'Kind',
  allKinds: 'All decisions',
  kinds: {
    amendments: 'Amendments',
    ballots: 'Ballots',
    attendance: 'Attendance and proxies',
    phases: 'Phases and seal',
    participants: 'Participants and codes',
    floor: 'Floor',
    texts: 'Texts and questions',
  },
  personLabel: 'By',
  everyone: 'Everyone',
  count: (shown, total) => (shown === total ? `${total} ${total === 1 ? 'entry' : 'entries'}` : `${shown} of ${total} ${total === 1 ? 'entry' : 'entries'}`),
  none: 'No entry matches these filters.',
  empty: 'No decision yet.',
  more: (n) => `Show ${n} more entries`,
  entry: (seq) => `no. ${seq}`,
  raw: 'Raw entry',
  rawAction: 'Action',
  rawPayload: 'Payload',
  rawPrevHash: 'Previous hash',
  rawHash: 'Hash (SHA-256)',
  exportCsv: 'Export as CSV',
}
