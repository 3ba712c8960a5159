import pg from 'pg'

/** The advisory lock every Plenum server process takes on its PostgreSQL database ('plenum' in ASCII). */
const serverLockKey = 0x706c656e756d

/** The advisory lock taken while a process does at start what only one may do. */
const startLockKey = serverLockKey + 1

/** Runs `work` holding a lock no other Plenum process on this database holds meanwhile (on a connection of its own). */
export async function whileAlone<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  client.on('error', (error) => console.error(`plenum: PostgreSQL connection lost during start: ${error.message}`))
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [startLockKey])
    return await work()
  } finally {
    await client.end()
  }
}

/** Another process holds the database in a way this one cannot share: the start is refused with this message. */
export class ServerClaimRefused extends Error {}

/**
 * Claims the database for one server process, on a connection of its own held for the process's
 * life (PostgreSQL drops the lock when the connection goes, even after a SIGKILL). Processes that
 * share congress events through Redis take it shared; a process without Redis takes it alone, so
 * that a second one, whose events and documents would never reach the first's clients, cannot start.
 */
export async function claimPostgresServer(url: string, shared: boolean): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  // A lost connection is a lost claim: said, not thrown out of an event handler.
  client.on('error', (error) => console.error(`plenum: the connection holding the server's claim on PostgreSQL was lost: ${error.message}`))
  let rows: { got: boolean }[]
  try {
    ;({ rows } = await client.query<{ got: boolean }>(shared ? 'SELECT pg_try_advisory_lock_shared($1) AS got' : 'SELECT pg_try_advisory_lock($1) AS got', [serverLockKey]))
  } catch (error) {
    await client.end()
    throw error
  }
  if (!rows[0]?.got) {
    await client.end()
    throw new ServerClaimRefused(
      shared
        ? 'another Plenum process serves this database without REDIS_URL: stop it, or give every process the same REDIS_URL'
        : 'another Plenum process already serves this database: several processes need REDIS_URL (the same Redis for all), or stop the other one',
    )
  }
  return () => client.end()
}
