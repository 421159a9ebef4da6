// MongoDB: no server exists on this machine and none may be downloaded, so these tests run the official driver
// against a MongoDB wire-protocol double (OP_QUERY/OP_MSG over TCP on 127.0.0.1, BSON from the driver's own
// package) in ./mongo-wire.double.test-support.ts, which records every command the driver sends.
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { startMongoDouble, type MongoDouble } from './mongo-wire.double.test-support.js';
import { mongodbWriteTool } from './mongodb-write.tool.js';
import { mongoContext } from './mongodb.test-support.js';

let mongo: MongoDouble;
beforeAll(async () => {
  mongo = await startMongoDouble();
});
afterAll(() => mongo.close());
beforeEach(() => {
  mongo.collections.set('crm.contacts', [
    { _id: 'c1', name: 'Ada', visits: 1, tier: 'free' },
    { _id: 'c2', name: 'Alan', visits: 5, tier: 'free' },
  ]);
});

const write = (args: Record<string, unknown>) =>
  runTool(mongodbWriteTool, args, mongoContext({ connection_string: mongo.uri, database: 'crm' })).then((output) => output.result as Record<string, unknown>);
const lastCommand = (name: string) => mongo.commands.filter((command) => command.name === name).at(-1)!;

describe('mongodb_write', () => {
  it('inserts one and many documents, with ObjectIds made by the driver and Extended JSON understood', async () => {
    const one = await write({ collection: 'contacts', operation: 'insertOne', document: { name: 'Grace', joined: { $date: '2025-02-01T00:00:00Z' } } });
    const inserted = lastCommand('insert').body;
    expect(inserted).toMatchObject({ insert: 'contacts', ordered: true });
    const [document] = inserted.documents as Array<Record<string, unknown>>;
    expect(document).toMatchObject({ name: 'Grace', joined: new Date('2025-02-01T00:00:00Z') });
    expect(document!._id).toBeInstanceOf(ObjectId);
    expect(one).toEqual({ collection: 'contacts', operation: 'insertOne', insertedId: { $oid: String(document!._id) } });

    const many = await write({ collection: 'contacts', operation: 'insertMany', documents: [{ name: 'Linus' }, { name: 'Barbara' }] });
    expect(many).toMatchObject({ insertedCount: 2 });
    expect((many.insertedIds as unknown[]).length).toBe(2);
    expect(mongo.collections.get('crm.contacts')!.map((contact) => contact.name)).toEqual(['Ada', 'Alan', 'Grace', 'Linus', 'Barbara']);
  });

  it('updates one or many with operators, and upserts', async () => {
    expect(await write({ collection: 'contacts', operation: 'updateOne', filter: { name: 'Ada' }, update: { $inc: { visits: 1 } } })).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(lastCommand('update').body.updates).toEqual([{ q: { name: 'Ada' }, u: { $inc: { visits: 1 } }, upsert: false }]);
    expect(await write({ collection: 'contacts', operation: 'updateMany', filter: { tier: 'free' }, update: { $set: { tier: 'pro' } } })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(lastCommand('update').body.updates).toEqual([{ q: { tier: 'free' }, u: { $set: { tier: 'pro' } }, upsert: false, multi: true }]);
    const upserted = await write({ collection: 'contacts', operation: 'updateOne', filter: { name: 'New' }, update: { $set: { visits: 0 } }, upsert: true });
    expect(upserted).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedId: { $oid: expect.stringMatching(/^[0-9a-f]{24}$/) } });
    expect(mongo.collections.get('crm.contacts')!.find((contact) => contact.name === 'Ada')).toMatchObject({ visits: 2, tier: 'pro' });
  });

  it('refuses deletes and whole-document replacement, touching nothing', async () => {
    const before = mongo.commands.length;
    for (const operation of ['deleteOne', 'deleteMany', 'drop', 'replaceOne']) {
      await expect(write({ collection: 'contacts', operation, filter: { name: 'Ada' } })).rejects.toThrow('mongodb_write never deletes');
    }
    await expect(write({ collection: 'contacts', operation: 'updateOne', filter: { name: 'Ada' }, update: { name: 'Replaced' } })).rejects.toThrow('update must use update operators');
    expect(mongo.commands.slice(before).filter((command) => !['ismaster', 'hello', 'endSessions'].includes(command.name))).toEqual([]);
    expect(mongo.collections.get('crm.contacts')).toHaveLength(2);
  });

  it('reports the server\'s duplicate-key refusal and a missing argument', async () => {
    await expect(write({ collection: 'contacts', operation: 'insertOne', document: { _id: 'c1', name: 'Again' } })).rejects.toThrow('MongoDB refused the command: E11000 duplicate key error');
    await expect(write({ collection: 'contacts', operation: 'insertOne' })).rejects.toThrow('Give the document for insertOne.');
  });
});
