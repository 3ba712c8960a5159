import { readFileSync } from 'node:fs'
import type { DatabaseHandle } from '../../db/database-handle.ts'
import type { FieldProblem } from '../../shared/parsed.ts'
import { parseParticipantsCsv } from '../../shared/participants/participant-rows.ts'
import type { Result } from '../../shared/result.ts'
import { importParticipants } from '../commands/participants/import-participants.ts'
import { reissueCode } from '../commands/participants/reissue-code.ts'
import { operatorOf, type CommandDeps } from '../commands/command.ts'
import { CongressHub } from '../congress-hub.ts'
import type { DomainError } from '../domain-error.ts'
import { presentParticipants } from '../presenters/participants-list.ts'
import { verifyAudit } from '../services/audit.ts'
import { joinLink } from '../services/join-link.ts'
import { UsageError, type CommonOptions } from './args.ts'
import { CommandError } from './command-error.ts'
import { openDataDir } from './data-dir.ts'

export { CommandError }


/**
 * What the commands need, on the command line: the database, and a hub that no connection listens
 * to (a running server sees the changes at its next read of the database).
 */
function commandDeps(database: DatabaseHandle): CommandDeps {
  return { db: database.db, hub: new CongressHub(database.congresses), clock: Date.now }
}

/**
 * With REDIS_URL, the command's events reach the running server processes as theirs do: a code
 * reissued here closes its holder's open sockets there, not only their sessions.
 */
async function withRunningServers<T>(database: DatabaseHandle, options: CommonOptions & { readonly redisUrl?: string }, run: (deps: CommandDeps) => Promise<T>): Promise<T> {
  const deps = commandDeps(database)
  if (!options.redisUrl) return run(deps)
  const { connectRedisFanout } = await import('../fanout/redis-fanout.ts')
  const fanout = await connectRedisFanout({ url: options.redisUrl })
  fanout.attach(deps.hub)
  try {
    return await run(deps)
  } finally {
    await fanout.close()
  }
}

const problemLines = (file: string, problems: readonly FieldProblem[]) => problems.map((p) => `\n  ${file}:${p.line ?? 1}: ${p.field}: ${p.message}`).join('')

/** The command's view, or its refusal as the operator reads it (with the file's lines, if any). */
function valueOf<T>(result: Result<T, DomainError>, file = ''): T {
  if (result.ok) return result.value
  throw new CommandError(`${result.error.message}${result.error.details ? problemLines(file, result.error.details) : ''}`)
}

export async function participantsImportCommand(file: string | undefined, options: CommonOptions): Promise<void> {
  if (!file) throw new UsageError('participants import needs a CSV file')
  const congressId = options.congress
  if (!congressId) throw new UsageError('participants import needs --congress ID')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const parsed = parseParticipantsCsv(text)
  if (!parsed.ok) throw new CommandError(`nothing imported, ${parsed.problems.length} error(s):${problemLines(file, parsed.problems)}`)
  const database = await openDataDir(options)
  try {
    const { participants } = valueOf(await importParticipants(commandDeps(database), operatorOf(congressId), { congressId, participants: parsed.value }), file)
    if (options.json) console.log(JSON.stringify({ participants: participants.map(({ id, name, role, code }) => ({ id, name, role, code })) }))
    else for (const p of participants) console.log(`${p.code}  ${p.role.padEnd(8)}  ${p.name}`)
  } finally {
    await database.close()
  }
}

/** `plenum participants list --congress ID`: ids, roles and names (codes are never stored, so never listed). */
export async function participantsListCommand(options: CommonOptions): Promise<void> {
  const congressId = options.congress
  if (!congressId) throw new UsageError('participants list needs --congress ID')
  const database = await openDataDir(options)
  try {
    const { participants } = valueOf(await presentParticipants(commandDeps(database), operatorOf(congressId), { congressId }))
    if (options.json) console.log(JSON.stringify({ participants }))
    else for (const p of participants) console.log(`${p.id}  ${p.role.padEnd(8)}  ${p.revoked ? '(révoqué) ' : ''}${p.name}`)
  } finally {
    await database.close()
  }
}

/**
 * `plenum participants reissue ID --congress ID`: a new code for one person (a lost card, a bureau
 * that lost its link), printed now and never again; the old code and its sessions stop working.
 */
export async function participantsReissueCommand(participantId: string | undefined, options: CommonOptions): Promise<void> {
  if (!participantId) throw new UsageError('participants reissue needs a participant id (plenum participants list)')
  const congressId = options.congress
  if (!congressId) throw new UsageError('participants reissue needs --congress ID')
  const database = await openDataDir(options)
  try {
    const { participant } = valueOf(await withRunningServers(database, options, (deps) => reissueCode(deps, operatorOf(congressId), { congressId, participantId })))
    const link = process.env.PUBLIC_URL ? joinLink(process.env.PUBLIC_URL, participant.code) : undefined
    if (options.json) console.log(JSON.stringify({ id: participant.id, name: participant.name, code: participant.code, joinUrl: link ?? null }))
    else console.log(`${participant.code}  ${participant.name}${link ? `\n${link}` : ''}\n(affiché une seule fois : notez-le)`)
  } finally {
    await database.close()
  }
}

export async function auditVerifyCommand(options: CommonOptions): Promise<void> {
  const database = await openDataDir(options)
  try {
    const result = await verifyAudit(database.db)
    if (options.json) console.log(JSON.stringify(result))
    if (!result.ok) {
      throw new CommandError(`audit chain broken at entry ${result.brokenSeq} (congress ${result.congressId}): ${result.reason}`)
    }
    if (!options.json) console.log(`audit chain holds: ${result.entries} entries`)
  } finally {
    await database.close()
  }
}
