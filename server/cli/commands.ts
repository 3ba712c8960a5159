import { fileURLToPath } from 'node:url'
import { ensureClientBuilt } from '../client-build.ts'
import { seedDemo } from '../services/seed-demo.ts'
import { startServer } from '../server.ts'
import type { CommonOptions, ServeOptions } from './args.ts'
import { openDataDir } from './data-dir.ts'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

export async function seedDemoCommand(options: CommonOptions): Promise<void> {
  const database = await openDataDir(options.dataDir)
  try {
    const seed = await seedDemo(database.db, Date.now())
    if (options.json) console.log(JSON.stringify(seed))
    else console.log(`Congrès de démonstration créé : ${seed.congressId}\nCode du bureau : ${seed.bureauCode}`)
  } finally {
    await database.close()
  }
}

/** Serves Plenum; on an empty data folder, seeds the demo congress first. */
/** `linkBase`: where people open Plenum, when that is not this server (the dev server proxies to it). */
export async function serveCommand(options: ServeOptions & { build: boolean; linkBase?: string }): Promise<void> {
  const clientDir = options.build ? await ensureClientBuilt(projectRoot) : undefined
  const database = await openDataDir(options.dataDir)
  const bureau = await firstBureauCode(database.db)
  const bureauCode = bureau ?? (await seedDemo(database.db, Date.now())).bureauCode
  if (!bureau) console.log('Plenum: congrès de démonstration créé.')

  const server = await startServer({ database, dataDir: options.dataDir, port: options.port, host: options.host, clientDir })
  console.log(`Plenum listening on ${server.url}`)
  console.log(`Lien d’accès du bureau : ${options.linkBase ?? server.url}/join/${bureauCode}`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

async function firstBureauCode(db: Awaited<ReturnType<typeof openDataDir>>['db']): Promise<string | undefined> {
  const row = await db
    .selectFrom('participants')
    .select('access_code')
    .where('role', '=', 'bureau')
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst()
  return row?.access_code
}
