/**
 * Whether a database error is a unique index refusing a row, on SQLite or PostgreSQL: what a
 * command turns into a clear refusal. (On PostgreSQL the transaction is aborted by it: the command
 * must throw, not carry on.)
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  // SQLITE_CONSTRAINT_PRIMARYKEY is a unique index too; 23505 is PostgreSQL's unique_violation.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}
