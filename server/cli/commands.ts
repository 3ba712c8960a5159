import { fileURLToPath } from 'node:url'
import { ensureClientBuilt } from '../client-build.ts'
import { joinLink } from '../services/join-link.ts'
import { seedDemo } from '../services/seed-demo.ts'
import { startServer } from '../server.ts'
import type { CommonOptions, ServeOptions } from './args.ts'
import { openDataDir } from './data-dir.ts'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

export async function seedDemoCommand(options: CommonOptions): Promise<void> {
  const database = await openDataDir(options)
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
  const database = await openDataDir(options)
  // Codes are kept as hashes: the bureau's link can be printed only when its code is created.
  // Alone: processes started together on one PostgreSQL make one demo congress, not one each.
  const bureauCode = await database.alone(async () => ((await hasCongress(database.db)) ? undefined : (await seedDemo(database.db, Date.now())).bureauCode))
  if (bureauCode) console.log('Plenum: congrès de démonstration créé.')

  let server
  try {
    server = await startServer({ database, dataDir: options.dataDir, port: options.port, host: options.host, clientDir, redisUrl: options.redisUrl })
  } catch (error) {
    await database.close()
    throw error
  }
  console.log(`Plenum listening on ${server.url}`)
  if (bureauCode) console.log(`Lien d’accès du bureau (affiché une seule fois) : ${joinLink(options.linkBase ?? server.url, bureauCode)}`)
  else console.log('Codes d’accès : affichés une seule fois, à leur création. Pour un nouveau code : la page du bureau, ou plenum participants list puis reissue ID --congress ID.')

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

async function hasCongress(db: Awaited<ReturnType<typeof openDataDir>>['db']): Promise<boolean> {
  return (await db.selectFrom('congresses').select('id').limit(1).executeTakeFirst()) !== undefined
}
