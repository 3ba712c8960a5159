import type { frPeople } from './fr-people.ts'
import { plural } from './plural.ts'

/** The participants' import and re-import, and the check-in desk's overview, in English. */
export const enPeople: typeof frPeople = {
  importHelp:
    'Header: name, organisation, email, role (or in French: nom, organisation, courriel, rôle) — separated by “;” or “,”, UTF-8. Roles: attendee, delegate, bureau, advisor (or participant, délégué, conseiller). A corrected list can be imported again: each person is recognised by their email.',
  importChecking: 'Checking…',
  previewHeading: 'What the import will change',
  previewSummary: (added, changed, unchanged) => `${plural(added, 'person added', 'people added')}, ${plural(changed, 'person changed', 'people changed')}, ${plural(unchanged, 'person unchanged', 'people unchanged')}.`,
  previewUntouched: (n) => (n === 0 ? '' : `${plural(n, 'registered person', 'registered people')} not in the file ${n === 1 ? 'stays' : 'stay'} as before: an import removes nobody.`),
  previewKept: 'Access codes already handed out stay valid; only the people added get a code.',
  previewErrors: (n) => `${plural(n, 'line', 'lines')} to correct: nothing is applied while the file has any.`,
  previewAdded: 'Added',
  previewChanged: 'Changed',
  previewNothing: 'The file changes nothing: everyone is already registered this way.',
  lineOf: (line) => `Line ${line}`,
  addedLine: (name, organisation, role) => `${name}${organisation ? ` (${organisation})` : ''}, ${role}`,
  namesake: 'someone registered without an email has this name: this line adds them a second time',
  fieldNames: { name: 'name', organisation: 'organisation', role: 'role' },
  fieldChange: (field, from, to) => `${field}: ${from || '(empty)'} → ${to || '(empty)'}`,
  roleSignInAgain: 'their role changes: they sign in again with the same code',
  apply: 'Apply these changes',
  applying: 'Applying…',
  cancel: 'Cancel',
  applied: (added, changed) => `Import applied: ${plural(added, 'person added', 'people added')}, ${plural(changed, 'person changed', 'people changed')}.`,
  participantsTable: 'Participants table',
  issuedTable: 'Access codes issued',
  previewTable: 'Import preview',
  roomCodeLabel: 'Room code:',
  presentOnly: 'Present only',
  byRoleHeading: 'Present by role',
  byRole: (role, present, total) => `${role}: ${present} of ${total}`,
  givesProxyTo: (holder) => `proxy given to ${holder}`,
  holdsProxyOf: (givers) => `holds the proxy of ${new Intl.ListFormat('en', { type: 'conjunction' }).format(givers)}`,
  noneShown: 'Nobody matches.',
  absent: (name) => `${name} absent`,
  leftList: (name) => `${name} absent, removed from the list of those present`,
}
