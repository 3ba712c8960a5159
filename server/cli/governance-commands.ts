import { readFileSync } from 'node:fs'
import { parseParticipantsCsv } from '../../shared/participants/participant-rows.ts'
import { AppError } from '../app-error.ts'
import { verifyAudit } from '../services/audit.ts'
import { importParticipants, listParticipants, reissueCode } from '../services/participants.ts'
import { joinLink } from '../services/join-link.ts'
import { UsageError, type CommonOptions } from './args.ts'
import { openDataDir } from './data-dir.ts'

/** A failure the user can act on: printed as is, exit code 1. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

export async function participantsImportCommand(file: string | undefined, options: CommonOptions): Promise<void> {
  if (!file) throw new UsageError('participants import needs a CSV file')
  if (!options.congress) throw new UsageError('participants import needs --congress ID')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const parsed = parseParticipantsCsv(text)
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${file}:${e.line}: ${e.field}: ${e.message}`)
    throw new CommandError(`nothing imported, ${parsed.errors.length} error(s):\n${lines.join('\n')}`)
  }
  const database = await openDataDir(options.dataDir)
  try {
    const participants = await importParticipants(database.db, options.congress, parsed.rows, null, Date.now(), parsed.lines)
    if (options.json) console.log(JSON.stringify({ participants: participants.map(({ id, name, role, code }) => ({ id, name, role, code })) }))
    else for (const p of participants) console.log(`${p.code}  ${p.role.padEnd(8)}  ${p.name}`)
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.details?.map((d) => `\n  ${file}:${d.line}: ${d.field}: ${d.message}`).join('') ?? ''
      throw new CommandError(`${error.message}${details}`)
    }
    throw error
  } finally {
    await database.close()
  }
}

/** `plenum participants list --congress ID`: ids, roles and names (codes are never stored, so never listed). */
export async function participantsListCommand(options: CommonOptions): Promise<void> {
  if (!options.congress) throw new UsageError('participants list needs --congress ID')
  const database = await openDataDir(options.dataDir)
  try {
    const participants = await listParticipants(database.db, options.congress)
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
  if (!options.congress) throw new UsageError('participants reissue needs --congress ID')
  const database = await openDataDir(options.dataDir)
  try {
    const participant = await reissueCode(database.db, options.congress, participantId, null, Date.now())
    const link = process.env.PUBLIC_URL ? joinLink(process.env.PUBLIC_URL, participant.code) : undefined
    if (options.json) console.log(JSON.stringify({ id: participant.id, name: participant.name, code: participant.code, joinUrl: link ?? null }))
    else console.log(`${participant.code}  ${participant.name}${link ? `\n${link}` : ''}\n(affiché une seule fois : notez-le)`)
  } catch (error) {
    if (error instanceof AppError) throw new CommandError(error.message)
    throw error
  } finally {
    await database.close()
  }
}

export async function auditVerifyCommand(options: CommonOptions): Promise<void> {
  const database = await openDataDir(options.dataDir)
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
