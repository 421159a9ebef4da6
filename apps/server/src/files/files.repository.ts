import type { Kysely } from 'kysely';
import type { Database, FileRow } from '../platform/database/tables.js';

/** SQL over `files`: uploads and generated files of users. Every read by a user is scoped to the owner. */
export function createFilesRepository(db: Kysely<Database>) {
  return {
    async insert(row: FileRow): Promise<void> {
      await db.insertInto('files').values(row).execute();
    },
    findOfUser: (userId: string, id: string, kind: FileRow['kind']) =>
      db.selectFrom('files').selectAll().where('id', '=', id).where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst(),
    /** Either kind, for the owner (tools may read what they generated). */
    findAnyOfUser: (userId: string, id: string) =>
      db.selectFrom('files').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst(),
    findGenerated: (id: string) =>
      db.selectFrom('files').selectAll().where('id', '=', id).where('kind', '=', 'generated').executeTakeFirst(),
    listOfUser: (userId: string, kind: FileRow['kind']) =>
      db.selectFrom('files').selectAll().where('user_id', '=', userId).where('kind', '=', kind).orderBy('created_at', 'desc').limit(500).execute(),
    async deleteById(id: string): Promise<number> {
      const result = await db.deleteFrom('files').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    /** Rows whose expiry is at or before `nowIso`, oldest first. */
    listExpired: (nowIso: string, limit: number) =>
      db.selectFrom('files').select(['id', 'storage_name']).where('expires_at', '<=', nowIso).orderBy('expires_at').limit(limit).execute(),
    /** Which of `names` a row still points at. */
    async storageNamesInUse(names: readonly string[]): Promise<Set<string>> {
      const inUse = new Set<string>();
      for (let start = 0; start < names.length; start += 500) {
        const batch = names.slice(start, start + 500);
        const rows = await db.selectFrom('files').select('storage_name').where('storage_name', 'in', batch).execute();
        for (const row of rows) inUse.add(row.storage_name);
      }
      return inUse;
    },
  };
}
export type FilesRepository = ReturnType<typeof createFilesRepository>;
