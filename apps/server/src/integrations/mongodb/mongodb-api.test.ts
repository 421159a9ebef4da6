import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { loopbackHttp } from '../test-support.js';
import { guardedLookup, mongoTargetOf } from './mongodb-api.js';

function lookupWith(ports: Map<string, number>, hostname: string, all: boolean) {
  const checked: Array<[string, number]> = [];
  const checkHost = (host: string, port: number) => {
    checked.push([host, port]);
    return loopbackHttp.checkHost(host, port);
  };
  return new Promise<{ error: Error | null; address: unknown; checked: Array<[string, number]> }>((resolve) => {
    guardedLookup(checkHost, ports)(hostname, { all }, (error, address) => resolve({ error, address, checked }));
  });
}

describe('the MongoDB driver lookup', () => {
  it('answers only with addresses the outbound guard checked, on the port the connection string gave', async () => {
    const result = await lookupWith(new Map([['127.0.0.1', 27018]]), '127.0.0.1', true);
    expect(result.error).toBeNull();
    expect(result.address).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(result.checked).toEqual([['127.0.0.1', 27018]]);
    const single = await lookupWith(new Map(), '127.0.0.1', false);
    expect(single.address).toBe('127.0.0.1');
    expect(single.checked).toEqual([['127.0.0.1', 27017]]);
  });

  it('refuses a host the guard does not allow (a replica-set member or SRV target on a private address)', async () => {
    const result = await lookupWith(new Map(), '10.0.0.8', true);
    expect(result.error).toBeInstanceOf(AppError);
    expect((result.error as AppError).code).toBe('outbound_blocked');
  });
});

describe('MongoDB connection strings', () => {
  it('reads every host and port, and knows SRV strings', () => {
    expect(mongoTargetOf({ connection_string: 'mongodb://u:p%40ss@db1.example.com,db2.example.com:27018,[::1]:27019/app?replicaSet=rs0', database: 'app' }).hosts).toEqual([
      { host: 'db1.example.com', port: 27017 },
      { host: 'db2.example.com', port: 27018 },
      { host: '::1', port: 27019 },
    ]);
    expect(mongoTargetOf({ connection_string: 'mongodb+srv://u:p@cluster0.example.mongodb.net/', database: 'app' })).toMatchObject({ isSrv: true, hosts: [{ host: 'cluster0.example.mongodb.net', port: 27017 }] });
  });

  it('refuses a unix socket, a bad port and a database name MongoDB does not allow', () => {
    expect(() => mongoTargetOf({ connection_string: 'mongodb://%2Ftmp%2Fm.sock', database: 'app' })).toThrow('not a network address');
    expect(() => mongoTargetOf({ connection_string: 'mongodb://db:99999', database: 'app' })).toThrow('invalid port');
    expect(() => mongoTargetOf({ connection_string: 'mongodb://db', database: 'a/b' })).toThrow('Give the database name');
  });
});
