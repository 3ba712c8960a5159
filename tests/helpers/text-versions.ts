import type { Kysely } from 'kysely'
import type { DocumentLog } from '../../db/document-log.ts'
import type { Database } from '../../db/schema.ts'
import { recordVersion, type VersionInput } from '../../server/history/text-versions.ts'

/** Takes a version of a text in a transaction of its own, reading it through the document log (as a pause does). */
export function takeVersion(db: Kysely<Database>, log: Pick<DocumentLog, 'readInTransaction'>, input: VersionInput) {
  return db.transaction().execute((trx) => recordVersion(trx, { readStored: (name, t) => log.readInTransaction(t, name) }, input))
}
