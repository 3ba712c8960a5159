import type { TestServer } from './test-server.ts'

/**
 * Makes `state` the whole stored document `name`, as an operator would: the state replaced and its
 * log dropped, in one transaction. Only for a document no room holds: a loaded room would keep (and
 * serve, and store again) the text it read before.
 */
export async function setStoredState(plenum: TestServer, name: string, state: Uint8Array): Promise<void> {
  if (plenum.server.sync.rooms.has(name)) throw new Error(`${name} is loaded in a room: its stored state cannot be replaced under it`)
  await plenum.database.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('documents').set({ state, updated_at: Date.now() }).where('name', '=', name).executeTakeFirst()
    if (updated.numUpdatedRows !== 1n) throw new Error(`no stored document ${name}`)
    await trx.deleteFrom('document_updates').where('doc_name', '=', name).execute()
  })
}

/** Appends `update` to the stored document `name` straight into its table, as an operator would (no premise, no room told). */
export async function appendStored(plenum: TestServer, name: string, update: Uint8Array): Promise<void> {
  await plenum.database.db.insertInto('document_updates').values({ doc_name: name, data: update, created_at: Date.now() }).execute()
}
