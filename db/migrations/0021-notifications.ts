import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: never import application types here. Notifications in the app: one row per
// person and event (written in the transaction of the decision that causes it), and per person how
// far they have read (a pointer: everything at or below it is read). And the author's invitations
// to co-sign an amendment, which the invitee accepts.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const millis = pg ? 'bigint' : 'integer'
  const serial = pg ? 'bigint' : 'integer'
  await db.schema
    .createTable('notifications')
    .addColumn('id', serial, (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('congress_id', 'text', (c) => c.notNull().references('congresses.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', millis, (c) => c.notNull())
    // Who acted, as the log names them.
    .addColumn('actor_name', 'text', (c) => c.notNull())
    // What it is about: an amendment's label (P12-A3-S1) or a ballot's subject.
    .addColumn('label', 'text', (c) => c.notNull())
    // A sub-amendment's or a rewording's parent label.
    .addColumn('parent_label', 'text')
    // Where its link goes (no foreign key: the notification outlives a deleted draft ballot).
    .addColumn('amendment_id', 'text')
    .addColumn('ballot_id', 'text')
    .addCheckConstraint(
      'plenum: unknown notifications.kind value',
      sql.raw(`"kind" IN ('sub_amendment', 'rewording', 'cosign_asked', 'cosign_accepted', 'cosign_invited', 'invitation_accepted', 'ruled_admissible', 'ruled_inadmissible', 'ballot_opened')`),
    )
    .execute()
  await db.schema.createIndex('notifications_person').on('notifications').columns(['participant_id', 'id']).execute()
  await db.schema
    .createTable('notification_reads')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
    .addColumn('read_up_to', serial, (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('amendment_cosign_invitations')
    .addColumn('amendment_id', 'text', (c) => c.notNull().references('amendments.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('invited_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('amendment_cosign_invitations_pk', ['amendment_id', 'participant_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('amendment_cosign_invitations').execute()
  await db.schema.dropTable('notification_reads').execute()
  await db.schema.dropTable('notifications').execute()
}
