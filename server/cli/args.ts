import { parseArgs } from 'node:util'

/** A mistake on the command line: printed as a message, with exit code 2. */
export class UsageError extends Error {}

export interface CommonOptions {
  readonly dataDir: string
  readonly json: boolean
  readonly congress?: string
  /** A public key file (PEM) to verify a bundle against. */
  readonly key?: string
  /** DATABASE_URL (postgres://…): PostgreSQL instead of the data folder's SQLite file. */
  readonly databaseUrl?: string
}

export interface ServeOptions extends CommonOptions {
  readonly port: number
  readonly host: string
  /** REDIS_URL (redis://…): congress events cross to the other server processes through Redis. */
  readonly redisUrl?: string
}

export function parseCommandArgs(args: string[], env: NodeJS.ProcessEnv) {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        congress: { type: 'string' },
        key: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const portText = values.port ?? env.PORT ?? '3000'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port: ${portText}`)
  const options: ServeOptions = {
    dataDir: values.data ?? env.DATA_DIR ?? './data',
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    json: values.json,
    congress: values.congress,
    key: values.key,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
  }
  return { command: positionals[0] ?? (values.help ? 'help' : undefined), rest: positionals.slice(1), options, help: values.help }
}
