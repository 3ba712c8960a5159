import { parseCommandArgs, UsageError } from './args.ts'
import { backupCommand, restoreCommand } from './backup-commands.ts'
import { seedDemoCommand, serveCommand } from './commands.ts'
import { migrateCommand } from './database-commands.ts'
import { devCommand } from './dev.ts'
import { auditVerifyCommand, CommandError, participantsImportCommand, participantsListCommand, participantsReissueCommand } from './governance-commands.ts'
import { keyShowCommand, verifyCommand } from './seal-commands.ts'

const usage = `plenum: write, amend, vote and seal one motion together

Usage:
  plenum start                       serve on PORT (3000) with data in DATA_DIR (./data)
  plenum serve [--port N] [--host H] [--data DIR]
                                     the same, with options; an empty data folder gets the demo congress
  plenum dev [--port N] [--data DIR] the client with live reload, and the server
  plenum seed-demo [--data DIR] [--json]
                                     create the demo congress; --json prints
                                     {"congressId", "bureauCode", "proposals": [...]}
  plenum participants import FILE --congress ID [--data DIR] [--json]
                                     import participants from CSV (name,organisation,email,role);
                                     all rows or none; prints each new code (the only time
                                     it is shown: only its hash is stored); --json: ids and codes
  plenum participants list --congress ID [--data DIR] [--json]
                                     ids, roles and names (no codes: they are not stored)
  plenum participants reissue PARTICIPANT --congress ID [--data DIR] [--json]
                                     a new code for one person, printed once (and its join link
                                     if PUBLIC_URL is set); the old code and its sessions end
  plenum audit verify [--data DIR] [--json]
                                     check the audit log's hash chain; exit 1 naming the first broken entry
  plenum key show [--data DIR] [--json]
                                     the seal's public key (PEM) and its SHA-256 fingerprint
  plenum verify BUNDLE [--key PEM] [--json]
                                     check a sealed bundle (folder or zip) offline: SHA256SUMS.sig with
                                     the key (--key: the published one; else the bundle's own, which it
                                     says), every digest, no file missing or added, every ballot recounted
                                     and matched to its ballot.closed log entry, the decision log's chain;
                                     exit 1 naming the first thing that fails
  plenum backup OUT [--data DIR]     copy the data folder into the new folder OUT, safely while the
                                     server runs (SQLite's online backup), checked
  plenum restore BACKUP [--data DIR] put a backup in place, into a new or empty data folder only
  plenum migrate [--data DIR] [--json]
                                     apply the pending database migrations and list them: to
                                     DATABASE_URL (postgres://…) when it is set, else to the data
                                     folder's SQLite file
  plenum help                        this text`

async function main(argv: string[]): Promise<number> {
  const { command, rest, options, help } = parseCommandArgs(argv, process.env)
  if (help || command === 'help' || command === undefined) {
    console.log(usage)
    return command === undefined && !help ? 2 : 0
  }
  switch (command) {
    case 'start':
    case 'serve':
      await serveCommand({ ...options, build: true })
      return -1
    case 'dev':
      await devCommand(options)
      return -1
    case 'seed-demo':
      await seedDemoCommand(options)
      return 0
    case 'participants':
      if (rest[0] === 'import') await participantsImportCommand(rest[1], options)
      else if (rest[0] === 'list') await participantsListCommand(options)
      else if (rest[0] === 'reissue') await participantsReissueCommand(rest[1], options)
      else throw new UsageError(`unknown command: participants ${rest[0] ?? ''}`)
      return 0
    case 'audit':
      if (rest[0] !== 'verify') throw new UsageError(`unknown command: audit ${rest[0] ?? ''}`)
      await auditVerifyCommand(options)
      return 0
    case 'key':
      if (rest[0] !== 'show') throw new UsageError(`unknown command: key ${rest[0] ?? ''}`)
      keyShowCommand(options)
      return 0
    case 'verify':
      verifyCommand(rest[0], options)
      return 0
    case 'backup':
      await backupCommand(rest[0], options)
      return 0
    case 'restore':
      await restoreCommand(rest[0], options)
      return 0
    case 'migrate':
      await migrateCommand(options)
      return 0
    default:
      throw new UsageError(`unknown command: ${command}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof CommandError) {
      console.error(`plenum: ${error.message}`)
      process.exitCode = error.exitCode
    } else if (error instanceof UsageError) {
      console.error(`plenum: ${error.message}\n\n${usage}`)
      process.exitCode = 2
    } else {
      console.error(`plenum: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  },
)
