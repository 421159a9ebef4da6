// MongoDB: no server exists on this machine and none may be downloaded, so these tests run the official driver
// against a MongoDB wire-protocol double (OP_QUERY/OP_MSG over TCP on 127.0.0.1, BSON from the driver's own
// package) in ./mongo-wire.double.test-support.ts, which records every command the driver sends.
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { startMongoDouble, type MongoDouble } from './mongo-wire.double.test-support.js';
import { mongodbQueryTool } from './mongodb-query.tool.js';
import { mongoContext } from './mongodb.test-support.js';

let mongo: MongoDouble;
const ids = [new ObjectId('65a1b2c3d4e5f60718293a4b'), new ObjectId('65a1b2c3d4e5f60718293a4c'), new ObjectId('65a1b2c3d4e5f60718293a4d')];
beforeAll(async () => {
  mongo = await startMongoDouble();
});
afterAll(() => mongo.close());
beforeEach(() => {
  mongo.collections.set('shop.orders', [
    { _id: ids[0], customer: 'ada', total: 120, status: 'paid', createdAt: new Date('2025-01-02T00:00:00Z') },
    { _id: ids[1], customer: 'alan', total: 40, status: 'open', createdAt: new Date('2025-01-03T00:00:00Z') },
    { _id: ids[2], customer: 'ada', total: 75, status: 'paid', createdAt: new Date('2025-01-04T00:00:00Z') },
  ]);
});

const query = (args: Record<string, unknown>, values = { connection_string: mongo.uri, database: 'shop' }) =>
  runTool(mongodbQueryTool, args, mongoContext(values)).then((output) => output.result as Record<string, unknown>);
const lastCommand = (name: string) => mongo.commands.filter((command) => command.name === name).at(-1)!;

describe('mongodb_query', () => {
  it('finds with filter, projection, sort, skip and limit, returning Extended JSON', async () => {
    const result = await query({ collection: 'orders', filter: { status: 'paid' }, projection: { customer: 1, total: 1 }, sort: { total: -1 }, limit: 1, skip: 0 });
    const find = lastCommand('find');
    expect(find.db).toBe('shop');
    expect(find.body).toMatchObject({ find: 'orders', filter: { status: 'paid' }, projection: { customer: 1, total: 1 }, sort: { total: -1 }, limit: 2 });
    expect(result).toEqual({ collection: 'orders', operation: 'find', documents: [{ _id: { $oid: ids[0]!.toHexString() }, customer: 'ada', total: 120 }], count: 1, truncated: true });
  });

  it('understands Extended JSON in filters (ObjectId, dates) and findOne', async () => {
    const one = await query({ collection: 'orders', operation: 'findOne', filter: { _id: { $oid: ids[1]!.toHexString() } } });
    expect(lastCommand('find').body.filter).toEqual({ _id: ids[1] });
    expect(one).toMatchObject({ found: true, document: { customer: 'alan', createdAt: { $date: '2025-01-03T00:00:00Z' } } });
    const later = await query({ collection: 'orders', filter: { createdAt: { $gte: { $date: '2025-01-03T00:00:00Z' } } } });
    expect(later).toMatchObject({ count: 2 });
    expect(await query({ collection: 'orders', operation: 'findOne', filter: { customer: 'nobody' } })).toMatchObject({ found: false, document: null });
  });

  it('counts with countDocuments for a filter and the count command without one', async () => {
    expect(await query({ collection: 'orders', operation: 'count', filter: { customer: 'ada' } })).toMatchObject({ count: 2 });
    expect(lastCommand('aggregate').body.pipeline).toEqual([{ $match: { customer: 'ada' } }, { $group: { _id: 1, n: { $sum: 1 } } }]);
    expect(await query({ collection: 'orders', operation: 'count' })).toMatchObject({ count: 3 });
    expect(lastCommand('count').body).toMatchObject({ count: 'orders' });
  });

  it('runs a read-only aggregation, capped', async () => {
    const result = await query({ collection: 'orders', operation: 'aggregate', pipeline: [{ $group: { _id: '$customer', spent: { $sum: '$total' } } }, { $sort: { spent: -1 } }] });
    expect(lastCommand('aggregate').body.pipeline).toEqual([{ $group: { _id: '$customer', spent: { $sum: '$total' } } }, { $sort: { spent: -1 } }, { $limit: 201 }]);
    expect(result).toMatchObject({ documents: [{ _id: 'ada', spent: 195 }, { _id: 'alan', spent: 40 }], count: 2 });
  });

  it('refuses $out and $merge anywhere in a pipeline, without connecting', async () => {
    const before = mongo.connections;
    await expect(query({ collection: 'orders', operation: 'aggregate', pipeline: [{ $match: {} }, { $out: 'copy' }] })).rejects.toThrow('the $out stage writes');
    await expect(query({ collection: 'orders', operation: 'aggregate', pipeline: [{ $facet: { a: [{ $merge: { into: 'x' } }] } }] })).rejects.toThrow('the $merge stage writes');
    expect(mongo.connections).toBe(before);
  });

  it('reports a refused login, a server that is not there, and a host the guard does not allow', async () => {
    await expect(query({ collection: 'orders' }, { connection_string: `mongodb://reader:wrong@127.0.0.1:${mongo.port}/?authSource=admin`, database: 'shop' })).rejects.toThrow(
      `MongoDB at 127.0.0.1:${mongo.port} refused the credential: Authentication failed.`,
    );
    const gone = await startMongoDouble();
    await gone.close();
    await expect(query({ collection: 'orders' }, { connection_string: `${gone.uri}/?serverSelectionTimeoutMS=300`, database: 'shop' })).rejects.toMatchObject({
      code: 'upstream_unavailable',
      message: expect.stringContaining(`MongoDB at 127.0.0.1:${gone.port} could not be reached`),
    });
    await expect(query({ collection: 'orders' }, { connection_string: 'mongodb://10.1.2.3:27017', database: 'shop' })).rejects.toMatchObject({ code: 'outbound_blocked' });
  });

  it('names a missing credential field and a bad connection string, sending nothing', async () => {
    const before = mongo.connections;
    await expect(query({ collection: 'orders' }, { connection_string: mongo.uri, database: '' })).rejects.toThrow('"database"');
    await expect(query({ collection: 'orders' }, { connection_string: 'postgres://x', database: 'shop' })).rejects.toThrow('must start with mongodb://');
    await expect(query({ collection: 'orders', filter: { _id: { $oid: 'not-hex' } } })).rejects.toThrow('filter is not valid (Extended) JSON');
    expect(mongo.connections).toBe(before);
  });

  it('closes its connections when done', async () => {
    await query({ collection: 'orders' });
    await expect.poll(() => mongo.openConnections()).toBe(0);
  });
});
