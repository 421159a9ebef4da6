import { defineIntegration } from '../define-integration.js';
import { mongoTargetOf, validateConnectionString, withMongo } from './mongodb-api.js';
import { mongodbQueryTool } from './mongodb-query.tool.js';
import { mongodbWriteTool } from './mongodb-write.tool.js';

/** The user's own MongoDB through the official driver: reads, inserts and updates; no deletes (reference §4.3). */
export const mongodbIntegration = defineIntegration({
  id: 'mongodb',
  name: 'MongoDB',
  description: 'Query, insert and update documents in your MongoDB database (no deletes).',
  icon: 'Database',
  category: 'database',
  docsUrl: 'https://www.mongodb.com/docs/manual/reference/connection-string/',
  fields: [
    {
      key: 'connection_string',
      label: 'Connection String',
      type: 'api_key',
      required: true,
      placeholder: 'mongodb+srv://user:password@cluster0.example.mongodb.net/',
      helpText: 'Includes the user and password; use a user with only the roles the assistant needs.',
      sensitive: true,
      validate: validateConnectionString,
    },
    { key: 'database', label: 'Database', type: 'text', required: true, placeholder: 'myapp', sensitive: false },
  ],
  tools: [mongodbQueryTool, mongodbWriteTool],
  async test(values, context) {
    const target = mongoTargetOf(values);
    const version = await withMongo(context, target, async (db) => {
      await db.command({ ping: 1 });
      const info = await db.admin().command({ buildInfo: 1 }).catch(() => null);
      return typeof info?.version === 'string' ? info.version : undefined;
    });
    return { message: `Connected to MongoDB${version ? ` ${version}` : ''}, database "${target.database}".` };
  },
});
