import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { BSON, Long, ObjectId } from 'mongodb';
import { applyUpdate, matches, project, runPipeline, sortDocuments, type Document } from './mongo-query-engine.test-support.js';

/**
 * A MongoDB wire-protocol double. No MongoDB server exists on this machine and none may be downloaded, so the
 * official driver talks to this: a TCP server on 127.0.0.1 speaking OP_QUERY (the driver's first `isMaster`) and
 * OP_MSG (everything after), with BSON from the driver's own `bson`. It answers hello/isMaster, ping, buildInfo,
 * find, aggregate, count, insert, update, endSessions (and saslStart, refused) as a standalone MongoDB 7.0 does,
 * and records every command it received.
 */

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

export interface ReceivedCommand {
  name: string;
  db: string;
  body: Document;
}

export interface MongoDouble {
  /** `mongodb://127.0.0.1:PORT` */
  uri: string;
  port: number;
  /** Collections by `db.collection`. */
  collections: Map<string, Document[]>;
  commands: ReceivedCommand[];
  /** Connections accepted (each is closed by the client when it is done). */
  connections: number;
  openConnections(): number;
  close(): Promise<void>;
}

function helloReply(connectionId: number): Document {
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

function commandError(code: number, codeName: string, errmsg: string): Document {
  return { ok: 0, errmsg, code, codeName };
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const buffer = Buffer.alloc(16);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(requestId, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

function opMsg(responseTo: number, document: Document): Buffer {
  const body = Buffer.from(BSON.serialize(document));
  const flags = Buffer.alloc(4);
  return Buffer.concat([header(16 + 4 + 1 + body.length, 0, responseTo, OP_MSG), flags, Buffer.from([0]), body]);
}

function opReply(responseTo: number, document: Document): Buffer {
  const body = Buffer.from(BSON.serialize(document));
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(0, 0); // responseFlags
  fields.writeBigInt64LE(0n, 4); // cursorID
  fields.writeInt32LE(0, 12); // startingFrom
  fields.writeInt32LE(1, 16); // numberReturned
  return Buffer.concat([header(16 + 20 + body.length, 0, responseTo, OP_REPLY), fields, body]);
}

/** The command document of an OP_MSG: the kind-0 body with kind-1 document sequences folded in. */
function readOpMsg(message: Buffer): Document {
  let offset = 16 + 4;
  let body: Document = {};
  const flags = message.readUInt32LE(16);
  const end = message.length - (flags & 1 ? 4 : 0);
  while (offset < end) {
    const kind = message[offset]!;
    offset += 1;
    if (kind === 0) {
      const size = message.readInt32LE(offset);
      body = { ...BSON.deserialize(message.subarray(offset, offset + size)), ...body };
      offset += size;
    } else {
      const size = message.readInt32LE(offset);
      const sectionEnd = offset + size;
      let cursor = offset + 4;
      const nameEnd = message.indexOf(0, cursor);
      const identifier = message.toString('utf8', cursor, nameEnd);
      cursor = nameEnd + 1;
      const documents: Document[] = [];
      while (cursor < sectionEnd) {
        const docSize = message.readInt32LE(cursor);
        documents.push(BSON.deserialize(message.subarray(cursor, cursor + docSize)));
        cursor += docSize;
      }
      body[identifier] = documents;
      offset = sectionEnd;
    }
  }
  return body;
}

/** The query of an OP_QUERY (the handshake): flags, `db.$cmd`, skip, return, then the document. */
function readOpQuery(message: Buffer): { db: string; body: Document } {
  const nameStart = 16 + 4;
  const nameEnd = message.indexOf(0, nameStart);
  const collection = message.toString('utf8', nameStart, nameEnd);
  const docStart = nameEnd + 1 + 8;
  const size = message.readInt32LE(docStart);
  return { db: collection.split('.')[0]!, body: BSON.deserialize(message.subarray(docStart, docStart + size)) };
}

function handleCommand(double: MongoDouble, db: string, body: Document, connectionId: number): Document {
  const name = Object.keys(body)[0]!;
  double.commands.push({ name, db, body });
  const namespace = (collection: unknown) => `${db}.${String(collection)}`;
  const documents = (collection: unknown) => {
    const key = namespace(collection);
    if (!double.collections.has(key)) double.collections.set(key, []);
    return double.collections.get(key)!;
  };
  switch (name.toLowerCase()) {
    case 'ismaster':
    case 'hello': {
      if (body.speculativeAuthenticate || body.saslSupportedMechs) return { ...helloReply(connectionId), saslSupportedMechs: ['SCRAM-SHA-256'] };
      return helloReply(connectionId);
    }
    case 'saslstart':
    case 'authenticate':
      // No user exists on this double: every authentication fails, as MongoDB answers a wrong password.
      return commandError(18, 'AuthenticationFailed', 'Authentication failed.');
    case 'ping':
    case 'endsessions':
      return { ok: 1 };
    case 'buildinfo':
      return { version: '7.0.14', versionArray: [7, 0, 14, 0], ok: 1 };
    case 'find': {
      let found = documents(body.find).filter((document) => matches(document, (body.filter as Document) ?? {}));
      if (body.sort) found = sortDocuments(found, body.sort as Document);
      const skip = Number(body.skip ?? 0);
      const limit = Math.abs(Number(body.limit ?? 0));
      found = found.slice(skip, limit ? skip + limit : undefined);
      const firstBatch = found.map((document) => (body.projection ? project(document, body.projection as Document) : document));
      return { cursor: { firstBatch, id: Long.fromNumber(0), ns: namespace(body.find) }, ok: 1 };
    }
    case 'aggregate': {
      try {
        const firstBatch = runPipeline(documents(body.aggregate), body.pipeline as Document[]);
        return { cursor: { firstBatch, id: Long.fromNumber(0), ns: namespace(body.aggregate) }, ok: 1 };
      } catch (error) {
        return commandError(40324, 'Location40324', (error as Error).message);
      }
    }
    case 'count': {
      const all = documents(body.count);
      return { n: body.query ? all.filter((document) => matches(document, body.query as Document)).length : all.length, ok: 1 };
    }
    case 'insert': {
      const target = documents(body.insert);
      for (const document of body.documents as Document[]) {
        if (target.some((existing) => String(existing._id) === String(document._id))) {
          return { n: 0, writeErrors: [{ index: 0, code: 11000, errmsg: `E11000 duplicate key error collection: ${namespace(body.insert)} index: _id_ dup key: { _id: ${String(document._id)} }` }], ok: 1 };
        }
        target.push(document);
      }
      return { n: (body.documents as Document[]).length, ok: 1 };
    }
    case 'update': {
      const target = documents(body.update);
      let n = 0;
      let nModified = 0;
      const upserted: Document[] = [];
      (body.updates as Document[]).forEach((statement, index) => {
        const hits = target.filter((document) => matches(document, statement.q as Document));
        const chosen = statement.multi ? hits : hits.slice(0, 1);
        for (const document of chosen) {
          n += 1;
          if (applyUpdate(document, statement.u as Document)) nModified += 1;
        }
        if (chosen.length === 0 && statement.upsert) {
          const created: Document = { _id: new ObjectId(), ...Object.fromEntries(Object.entries(statement.q as Document).filter(([key]) => !key.startsWith('$'))) };
          applyUpdate(created, statement.u as Document);
          target.push(created);
          n += 1;
          upserted.push({ index, _id: created._id });
        }
      });
      return { n, nModified, ...(upserted.length ? { upserted } : {}), ok: 1 };
    }
    default:
      return commandError(59, 'CommandNotFound', `no such command: '${name}'`);
  }
}

/** Starts the double on 127.0.0.1 (port 0). */
export async function startMongoDouble(): Promise<MongoDouble> {
  const sockets = new Set<Socket>();
  let connectionCount = 0;
  const double: MongoDouble = {
    uri: '',
    port: 0,
    collections: new Map(),
    commands: [],
    get connections() {
      return connectionCount;
    },
    openConnections: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((socket) => {
    connectionCount += 1;
    const connectionId = connectionCount;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        const requestId = message.readInt32LE(4);
        const opCode = message.readInt32LE(12);
        if (opCode === OP_QUERY) {
          const { db, body } = readOpQuery(message);
          socket.write(opReply(requestId, handleCommand(double, db, body, connectionId)));
        } else if (opCode === OP_MSG) {
          const body = readOpMsg(message);
          const db = String(body.$db ?? 'admin');
          socket.write(opMsg(requestId, handleCommand(double, db, body, connectionId)));
        } else {
          socket.destroy();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.port = (server.address() as AddressInfo).port;
  double.uri = `mongodb://127.0.0.1:${double.port}`;
  return double;
}
