import type { Kysely, Updateable } from 'kysely';
import type { Database, McpServerRow, McpServersTable, McpServerToolRow } from '../platform/database/tables.js';

/** SQL of admin MCP servers and their discovered tools. */
export function createMcpServersRepository(db: Kysely<Database>) {
  return {
    list: (): Promise<McpServerRow[]> => db.selectFrom('mcp_servers').selectAll().orderBy('name').execute(),

    findById: (id: string): Promise<McpServerRow | undefined> => db.selectFrom('mcp_servers').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Whether another server already uses this name or slug (case-insensitive name). */
    async nameOrSlugTaken(name: string, slug: string, exceptId?: string): Promise<'name' | 'slug' | null> {
      let query = db
        .selectFrom('mcp_servers')
        .select(['name', 'slug'])
        .where((eb) => eb.or([eb(eb.fn('lower', ['name']), '=', name.toLowerCase()), eb('slug', '=', slug)]));
      if (exceptId) query = query.where('id', '!=', exceptId);
      const row = await query.executeTakeFirst();
      if (!row) return null;
      return row.name.toLowerCase() === name.toLowerCase() ? 'name' : 'slug';
    },

    insert: async (row: McpServerRow): Promise<void> => {
      await db.insertInto('mcp_servers').values(row).execute();
    },

    update: async (id: string, changes: Updateable<McpServersTable>): Promise<void> => {
      await db.updateTable('mcp_servers').set(changes).where('id', '=', id).execute();
    },

    /** Deletes a server and (by cascade) its tools; returns how many rows went. */
    async deleteById(id: string): Promise<number> {
      const result = await db.deleteFrom('mcp_servers').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Replaces the stored tools of a server with what it just listed. */
    async replaceTools(serverId: string, tools: ReadonlyArray<Omit<McpServerToolRow, 'server_id'>>): Promise<void> {
      await db.transaction().execute(async (transaction) => {
        await transaction.deleteFrom('mcp_server_tools').where('server_id', '=', serverId).execute();
        // A server that vanished meanwhile (deleted during discovery) keeps no orphan rows: the FK refuses them.
        const exists = await transaction.selectFrom('mcp_servers').select('id').where('id', '=', serverId).executeTakeFirst();
        if (!exists || tools.length === 0) return;
        await transaction.insertInto('mcp_server_tools').values(tools.map((tool) => ({ ...tool, server_id: serverId }))).execute();
      });
    },

    listTools: (serverId: string): Promise<McpServerToolRow[]> =>
      db.selectFrom('mcp_server_tools').selectAll().where('server_id', '=', serverId).orderBy('name').execute(),

    /** Server id → number of stored tools. */
    async countToolsByServer(): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('mcp_server_tools')
        .select((eb) => ['server_id', eb.fn.countAll<number | string>().as('total')])
        .groupBy('server_id')
        .execute();
      return new Map(rows.map((row) => [row.server_id, Number(row.total)]));
    },
  };
}
export type McpServersRepository = ReturnType<typeof createMcpServersRepository>;
