/** The current time as the ISO-8601 UTC text stored in every timestamp column. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

/** `true` when a unique constraint refused a write, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; message?: string };
  return candidate.code === '23505' || candidate.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (candidate.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}
