import { readFileSync } from 'node:fs'
import { parseParticipantsCsv } from '../../shared/participants/participant-rows.ts'
import { AppError } from '../app-error.ts'
import { verifyAudit } from '../services/audit.ts'
import { importParticipants } from '../services/participants.ts'
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
