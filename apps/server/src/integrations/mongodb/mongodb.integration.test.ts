// MongoDB: no server exists on this machine and none may be downloaded, so the credential test runs the official
// driver against the MongoDB wire-protocol double in ./mongo-wire.double.test-support.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { startMongoDouble, type MongoDouble } from './mongo-wire.double.test-support.js';
import { mongodbIntegration } from './mongodb.integration.js';
import { mongoContext } from './mongodb.test-support.js';

let mongo: MongoDouble;
beforeAll(async () => {
  mongo = await startMongoDouble();
});
afterAll(() => mongo.close());

const context = () => testContextOf(mongoContext({}));

describe('mongodb credential test', () => {
  it('connects, pings and names the server version', async () => {
    const result = await mongodbIntegration.test!({ connection_string: mongo.uri, database: 'shop' }, context());
    expect(mongo.commands.some((command) => command.name === 'ping' && command.db === 'shop')).toBe(true);
    expect(result.message).toBe('Connected to MongoDB 7.0.14, database "shop".');
  });

  it('fails clearly for a refused login and an unreachable server', async () => {
    await expect(mongodbIntegration.test!({ connection_string: `mongodb://app:bad@127.0.0.1:${mongo.port}/`, database: 'shop' }, context())).rejects.toThrow('refused the credential: Authentication failed.');
    const gone = await startMongoDouble();
    await gone.close();
    await expect(mongodbIntegration.test!({ connection_string: `${gone.uri}/?serverSelectionTimeoutMS=300`, database: 'shop' }, context())).rejects.toThrow('could not be reached');
  });

  it('validates the connection string field', () => {
    const field = mongodbIntegration.fields.find((candidate) => candidate.key === 'connection_string')!;
    expect(field.sensitive).toBe(true);
    expect(field.validate!('mongodb+srv://u:p@cluster0.example.mongodb.net/?retryWrites=true')).toBeNull();
    expect(field.validate!('mongodb://a:1,b:2/db')).toBeNull();
    expect(field.validate!('http://example.com')).not.toBeNull();
    expect(field.validate!('mongodb://%2Ftmp%2Fmongodb-27017.sock')).not.toBeNull();
  });
});
