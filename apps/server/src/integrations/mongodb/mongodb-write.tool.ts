import { z } from 'zod';
import type { Document } from 'mongodb';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { fromJson, idToJson, mongoTarget, withMongo } from './mongodb-api.js';

const operations = ['insertOne', 'insertMany', 'updateOne', 'updateMany'] as const;
const jsonObject = z.record(z.string(), z.unknown());

/** Writes to the user's MongoDB: inserts and updates; deletes are not offered. */
export const mongodbWriteTool = defineTool({
  name: 'mongodb_write',
  displayName: 'MongoDB Write',
  description:
    'Writes to a collection of the connected MongoDB database. operation "insertOne" (document), "insertMany" ' +
    '(documents, at most 1000), "updateOne" / "updateMany" (filter and an update with operators such as $set, $inc, ' +
    '$push; upsert optional). Deleting documents or collections is not possible with this tool. Returns the inserted ' +
    'ids or the matched/modified counts.',
  icon: 'DatabaseZap',
  category: 'integrations',
  integration: 'mongodb',
  keywords: ['mongodb', 'mongo', 'database', 'insert', 'update', 'write', 'nosql', 'documents'],
  inputSchema: z.object({
    collection: z.string().min(1).max(120).describe('Collection name'),
    operation: z.enum(operations, {
      error: () => `operation must be one of: ${operations.join(', ')}. mongodb_write never deletes (no deleteOne, deleteMany, drop…).`,
    }),
    document: jsonObject.optional().describe('insertOne: the document'),
    documents: z.array(jsonObject).min(1).max(1_000).optional().describe('insertMany: the documents'),
    filter: jsonObject.optional().describe('updateOne/updateMany: which documents'),
    update: jsonObject.optional().describe('updateOne/updateMany: update operators, e.g. {"$set": {"status": "done"}}'),
    upsert: z.boolean().default(false).describe('Insert when nothing matches'),
  }),
  async execute(input, context) {
    const target = await mongoTarget(context);
    const result = await withMongo(context, target, async (db) => {
      const collection = db.collection(input.collection);
      switch (input.operation) {
        case 'insertOne': {
          if (!input.document) throw new ValidationError('Give the document for insertOne.');
          const inserted = await collection.insertOne(fromJson<Document>(input.document, 'document'));
          return { insertedId: idToJson(inserted.insertedId) };
        }
        case 'insertMany': {
          if (!input.documents) throw new ValidationError('Give the documents for insertMany.');
          const inserted = await collection.insertMany(fromJson<Document[]>(input.documents, 'documents'));
          return { insertedCount: inserted.insertedCount, insertedIds: Object.values(inserted.insertedIds).map(idToJson) };
        }
        case 'updateOne':
        case 'updateMany': {
          if (!input.filter || !input.update) throw new ValidationError(`Give filter and update for ${input.operation}.`);
          const keys = Object.keys(input.update);
          if (keys.length === 0 || !keys.every((key) => key.startsWith('$'))) {
            throw new ValidationError('update must use update operators such as {"$set": {…}}; replacing whole documents is not offered.');
          }
          const filter = fromJson<Document>(input.filter, 'filter');
          const update = fromJson<Document>(input.update, 'update');
          const outcome = input.operation === 'updateOne'
            ? await collection.updateOne(filter, update, { upsert: input.upsert })
            : await collection.updateMany(filter, update, { upsert: input.upsert });
          return {
            matchedCount: outcome.matchedCount,
            modifiedCount: outcome.modifiedCount,
            ...(outcome.upsertedId ? { upsertedId: idToJson(outcome.upsertedId) } : {}),
          };
        }
      }
    });
    return { result: { collection: input.collection, operation: input.operation, ...result } };
  },
});
