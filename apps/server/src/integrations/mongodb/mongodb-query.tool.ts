import { z } from 'zod';
import type { Document } from 'mongodb';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { fromJson, mongoTarget, toJson, withMongo } from './mongodb-api.js';

/** Documents returned at most. */
const maxDocuments = 200;
/** Stages that write (they would turn a read into a write): refused anywhere in a pipeline. */
const writingStages = new Set(['$out', '$merge']);

/** The first writing stage found in a pipeline, also inside $facet, $lookup and $unionWith sub-pipelines. */
export function findWritingStage(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findWritingStage(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, nested] of Object.entries(value)) {
    if (writingStages.has(key)) return key;
    const found = findWritingStage(nested);
    if (found) return found;
  }
  return undefined;
}

const jsonObject = z.record(z.string(), z.unknown());

/** Reads from the user's MongoDB: find, findOne, count, aggregate (read-only pipelines). */
export const mongodbQueryTool = defineTool({
  name: 'mongodb_query',
  displayName: 'MongoDB Query',
  description:
    'Reads from a collection of the connected MongoDB database. operation "find" (filter, projection, sort, limit, ' +
    'skip), "findOne" (filter, projection), "count" (filter), or "aggregate" (pipeline; $out and $merge are ' +
    `refused). Filters use MongoDB query syntax in JSON; Extended JSON such as {"_id": {"$oid": "…"}} or {"$date": ` +
    `"2025-01-01T00:00:00Z"} is understood. At most ${maxDocuments} documents come back (truncated says when ` +
    'there were more); ObjectIds and dates come back as Extended JSON.',
  icon: 'Database',
  category: 'integrations',
  integration: 'mongodb',
  keywords: ['mongodb', 'mongo', 'database', 'query', 'find', 'aggregate', 'nosql', 'collection', 'documents'],
  inputSchema: z.object({
    collection: z.string().min(1).max(120).describe('Collection name'),
    operation: z.enum(['find', 'findOne', 'count', 'aggregate']).default('find'),
    filter: jsonObject.optional().describe('Query filter, e.g. {"status": "active", "age": {"$gte": 18}}'),
    projection: jsonObject.optional().describe('Fields to return, e.g. {"name": 1, "email": 1}'),
    sort: jsonObject.optional().describe('Sort, e.g. {"createdAt": -1}'),
    limit: z.number().int().min(1).max(maxDocuments).default(20).describe(`Documents to return, at most ${maxDocuments}`),
    skip: z.number().int().min(0).max(1_000_000).default(0),
    pipeline: z.array(jsonObject).max(50).optional().describe('Aggregation pipeline (operation "aggregate")'),
  }),
  async execute(input, context) {
    const target = await mongoTarget(context);
    const filter = fromJson<Document>(input.filter ?? {}, 'filter');
    const projection = input.projection ? fromJson<Document>(input.projection, 'projection') : undefined;
    const sort = input.sort ? fromJson<Document>(input.sort, 'sort') : undefined;
    if (input.operation === 'aggregate') {
      if (!input.pipeline) throw new ValidationError('Give the pipeline for aggregate.');
      const stage = findWritingStage(input.pipeline);
      if (stage) throw new ValidationError(`mongodb_query only reads: the ${stage} stage writes to a collection and is not allowed.`);
    }
    const pipeline = input.pipeline ? fromJson<Document[]>(input.pipeline, 'pipeline') : [];
    const result = await withMongo(context, target, async (db) => {
      const collection = db.collection(input.collection);
      switch (input.operation) {
        case 'findOne': {
          const document = await collection.findOne(filter, projection ? { projection } : {});
          return { found: document !== null, document: document ? toJson([document])[0] : null };
        }
        case 'count': {
          const count = Object.keys(filter).length === 0 ? await collection.estimatedDocumentCount() : await collection.countDocuments(filter);
          return { count };
        }
        case 'aggregate': {
          const documents = await collection.aggregate([...pipeline, { $limit: maxDocuments + 1 }], { maxTimeMS: 30_000 }).toArray();
          return { documents: toJson(documents.slice(0, maxDocuments)), count: Math.min(documents.length, maxDocuments), ...(documents.length > maxDocuments ? { truncated: true } : {}) };
        }
        case 'find': {
          const cursor = collection.find(filter, { ...(projection ? { projection } : {}), ...(sort ? { sort } : {}), skip: input.skip, limit: input.limit + 1, maxTimeMS: 30_000 });
          const documents = await cursor.toArray();
          return { documents: toJson(documents.slice(0, input.limit)), count: Math.min(documents.length, input.limit), ...(documents.length > input.limit ? { truncated: true } : {}) };
        }
      }
    });
    return { result: { collection: input.collection, operation: input.operation, ...result } };
  },
});
