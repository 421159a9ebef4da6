import type { Kysely } from 'kysely';

// Admin-configured MCP servers and the tools discovered on them (a user's bridge tools live in memory only:
// they exist while the bridge is connected). Dialect-neutral (docs/decisions/0003).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mcp_servers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('slug', 'text', (column) => column.notNull().unique())
    .addColumn('transport', 'text', (column) => column.notNull())
    .addColumn('command', 'text')
    .addColumn('args', 'text', (column) => column.notNull())
    // JSON { NAME: cipher envelope }: names readable, values sealed with the instance key.
    .addColumn('env', 'text', (column) => column.notNull())
    .addColumn('url', 'text')
    .addColumn('headers', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('allowed_roles', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('mcp_server_tools')
    .addColumn('server_id', 'text', (column) => column.notNull().references('mcp_servers.id').onDelete('cascade'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('input_schema', 'text', (column) => column.notNull())
    .addColumn('discovered_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('mcp_server_tools_pk', ['server_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mcp_server_tools').ifExists().execute();
  await db.schema.dropTable('mcp_servers').ifExists().execute();
}
