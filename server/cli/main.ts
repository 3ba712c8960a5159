import { parseCommandArgs, UsageError } from './args.ts'
import { seedDemoCommand, serveCommand } from './commands.ts'
import { devCommand } from './dev.ts'

const usage = `plenum: write, amend, vote and seal one motion together

Usage:
  plenum start                       serve on PORT (3000) with data in DATA_DIR (./data)
  plenum serve [--port N] [--host H] [--data DIR]
                                     the same, with options; an empty data folder gets the demo congress
  plenum dev [--port N] [--data DIR] the client with live reload, and the server
  plenum seed-demo [--data DIR] [--json]
                                     create the demo congress; --json prints
                                     {"congressId", "bureauCode", "proposals": [...]}
  plenum help                        this text`

async function main(argv: string[]): Promise<number> {
  const { command, options, help } = parseCommandArgs(argv, process.env)
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
    default:
      throw new UsageError(`unknown command: ${command}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`plenum: ${error.message}\n\n${usage}`)
      process.exitCode = 2
    } else {
      console.error(`plenum: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  },
)
