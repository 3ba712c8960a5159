import type { FieldProblem } from '../parsed.ts'
import { votingRoles, type Role } from '../roles.ts'
import { searchKey } from '../text/french-order.ts'
import type { ParticipantInput, ParticipantRows } from './participant-rows.ts'

/**
 * What a corrected list would do to the people already registered, computed the same way for the
 * preview and, inside its transaction, for the apply (so what is applied is what was shown).
 * People are matched by email; a row without one, or with a new one, adds a person.
 *
 * What a re-import never changes, and why:
 * - an access code: matched people keep theirs (printed cards stay valid), only new people get one;
 * - an email: it is how people are matched, so a new address is a new person;
 * - a revocation: revoking and reissuing are decisions of their own, logged as such;
 * - people missing from the file: a partial list (one delegation's) must not remove the others;
 * - the role of someone on the roll of a ballot already opened (`onRoll`): that ballot counted them
 *   with that role, and the record would no longer match its ballots;
 * - one's own role (the bureau would lock itself out), and a voter's role taken away while a proxy
 *   stands on them (revoke the proxy first, at the desk).
 */

export type ChangedField = 'name' | 'organisation' | 'role'

/** A registered person, as the plan needs them. */
export interface RegisteredPerson {
  readonly id: string
  readonly name: string
  readonly organisation: string
  readonly email: string | null
  readonly role: Role
}

/** Why a row's role change is refused. */
export type RoleLock = 'voted' | 'self' | 'proxy'

export interface PlannedChange {
  readonly line: number
  readonly id: string
  readonly email: string
  /** Each changed field, from what is registered to what the file says. */
  readonly fields: readonly { readonly field: ChangedField; readonly from: string; readonly to: string }[]
}

export interface PlannedAddition {
  readonly line: number
  readonly person: ParticipantInput
  /** Someone registered without an email has the same name: this row adds them a second time. */
  readonly namesake: boolean
}

export interface ReimportPlan {
  readonly added: readonly PlannedAddition[]
  readonly changed: readonly PlannedChange[]
  /** Rows that match someone and change nothing. */
  readonly unchanged: number
  /** Registered people the file does not name: left as they are. */
  readonly untouched: number
  /** Rows refused, each naming its line: with any, nothing is applied. */
  readonly errors: readonly FieldProblem[]
}

export interface ReimportLocks {
  /** People on the roll of an opened ballot (as voters or proxy holders). */
  readonly onRoll: ReadonlySet<string>
  /** People giving or holding a proxy. */
  readonly inProxy: ReadonlySet<string>
  /** Who imports: their own role stays. */
  readonly selfId: string
  /**
   * The motion is sealed (frozen or delivered): its minutes name the people registered, their
   * organisation and their role as they were; a re-import may then only add people.
   */
  readonly sealed: boolean
}

const voting = (role: Role) => (votingRoles as readonly Role[]).includes(role)

function roleLock(person: RegisteredPerson, to: Role, locks: ReimportLocks): RoleLock | null {
  if (person.id === locks.selfId) return 'self'
  if (locks.onRoll.has(person.id)) return 'voted'
  if (locks.inProxy.has(person.id) && voting(person.role) && !voting(to)) return 'proxy'
  return null
}

const lockMessages: Record<RoleLock, string> = {
  voted: 'son rôle ne change plus : il figure sur la liste d’un scrutin déjà ouvert',
  self: 'votre propre rôle ne change pas par un import',
  proxy: 'il ne peut plus voter tant qu’un pouvoir le concerne : retirez d’abord le pouvoir',
}

export function planReimport(registered: readonly RegisteredPerson[], file: ParticipantRows, locks: ReimportLocks): ReimportPlan {
  const byEmail = new Map(registered.filter((p) => p.email !== null).map((p) => [p.email!, p]))
  const namesWithoutEmail = new Set(registered.filter((p) => p.email === null).map((p) => searchKey(p.name)))
  const added: PlannedAddition[] = []
  const changed: PlannedChange[] = []
  const errors: FieldProblem[] = []
  const named = new Set<string>()
  let unchanged = 0
  file.rows.forEach((row, index) => {
    const line = file.lines[index] ?? index + 1
    const person = row.email === null ? undefined : byEmail.get(row.email)
    if (!person) {
      added.push({ line, person: row, namesake: row.email === null && namesWithoutEmail.has(searchKey(row.name)) })
      return
    }
    named.add(person.id)
    const fields: PlannedChange['fields'][number][] = []
    if (row.name !== person.name) fields.push({ field: 'name', from: person.name, to: row.name })
    if (row.organisation !== person.organisation) fields.push({ field: 'organisation', from: person.organisation, to: row.organisation })
    if (row.role !== person.role) {
      const lock = roleLock(person, row.role, locks)
      if (lock) errors.push({ line, field: 'role', rule: 'role_locked', reason: lock, message: lockMessages[lock] })
      else fields.push({ field: 'role', from: person.role, to: row.role })
    }
    if (fields.length === 0) unchanged++
    else if (locks.sealed) errors.push({ line, field: fields[0]!.field, rule: 'sealed', message: 'ne change plus : la motion est scellée, et son procès-verbal nomme cette personne ainsi' })
    else changed.push({ line, id: person.id, email: row.email!, fields })
  })
  return { added, changed, unchanged, untouched: registered.filter((p) => !named.has(p.id)).length, errors }
}
