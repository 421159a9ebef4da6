import type { LookupAddress } from 'node:dns';
import { BSON, MongoClient, MongoError, MongoServerError, type Db, type MongoClientOptions } from 'mongodb';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import type { CredentialValues, IntegrationTestContext } from '../define-integration.js';
import { requireCredential } from '../require-credential.js';

const owner = { id: 'mongodb', name: 'MongoDB' };
/** Milliseconds to find a server and to open a socket, unless the connection string sets its own. */
const defaultServerSelectionTimeoutMs = 5_000;
const maxTimeoutMs = 30_000;

export interface MongoTarget {
  connectionString: string;
  database: string;
  /** `host` → port of each host named in the connection string. */
  hosts: Array<{ host: string; port: number }>;
  isSrv: boolean;
}

const databasePattern = /^[^/\\. "$*<>:|?\0]{1,63}$/;

/** The hosts of a `mongodb://` or `mongodb+srv://` connection string, without credentials or options. */
function hostsOf(connectionString: string): { hosts: Array<{ host: string; port: number }>; isSrv: boolean } {
  const match = /^(mongodb(?:\+srv)?):\/\/(?:[^@/]*@)?([^/?]+)/i.exec(connectionString);
  if (!match) throw new ValidationError('The connection string must start with mongodb:// or mongodb+srv:// and name a host.');
  const isSrv = match[1]!.toLowerCase() === 'mongodb+srv';
  const hosts = match[2]!.split(',').map((entry) => {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const [host, port] = bracketed ? [bracketed[1]!, bracketed[2]] : (entry.split(':') as [string, string | undefined]);
    if (!host || host.includes('/') || host.endsWith('.sock')) throw new ValidationError('The connection string names a host that is not a network address.');
    const number = port === undefined ? 27017 : Number(port);
    if (!Number.isInteger(number) || number < 1 || number > 65_535) throw new ValidationError(`The connection string has an invalid port for ${host}.`);
    return { host: decodeURIComponent(host), port: number };
  });
  if (isSrv && hosts.length !== 1) throw new ValidationError('A mongodb+srv:// connection string names exactly one host.');
  return { hosts, isSrv };
}

/** `validate` of the connection string field. */
export function validateConnectionString(value: string): string | null {
  try {
    hostsOf(value.trim());
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Reads and checks a MongoDB credential's values. @throws ValidationError naming the field */
export function mongoTargetOf(values: CredentialValues): MongoTarget {
  const connectionString = values.connection_string?.trim() ?? '';
  const database = values.database?.trim() ?? '';
  if (!connectionString) throw new ValidationError('The MongoDB credential has no connection_string; edit it on the Credentials page.');
  if (!databasePattern.test(database)) throw new ValidationError('Give the database name (database): up to 63 characters, no /\\. "$*<>:|? characters.');
  return { connectionString, database, ...hostsOf(connectionString) };
}

/** The user's MongoDB target. @throws ValidationError when the credential is absent or incomplete */
export async function mongoTarget(context: ToolContext): Promise<MongoTarget> {
  return mongoTargetOf(await requireCredential(context, owner, ['connection_string', 'database']));
}

/**
 * A `lookup` for the driver's sockets: every host name is resolved and checked by the outbound guard, and the
 * socket connects only to a checked address (hosts of the connection string were checked before connecting;
 * hosts found later — SRV records, replica-set members — are checked here on the port 27017 rule).
 */
export function guardedLookup(checkHost: NonNullable<ToolContext['http']['checkHost']>, ports: Map<string, number>) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    const all = typeof options === 'object' && options.all === true;
    checkHost(hostname, ports.get(hostname.toLowerCase()) ?? 27017).then(
      (addresses) => (all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (error: Error) => callback(error, all ? [] : ''),
    );
  };
}

function timeoutFrom(connectionString: string, name: string): number | undefined {
  const value = new URL(connectionString.replace(/^mongodb(\+srv)?:\/\/[^/?]*/i, 'http://x')).searchParams.get(name);
  return value === null ? undefined : Math.min(maxTimeoutMs, Math.max(1, Number(value) || defaultServerSelectionTimeoutMs));
}

/** A readable AppError for what the driver threw. */
export function mongoError(error: unknown, target: Pick<MongoTarget, 'hosts'>): AppError {
  if (error instanceof AppError) return error;
  const where = target.hosts.map(({ host, port }) => `${host}:${port}`).join(', ');
  if (error instanceof MongoServerError) {
    if (error.code === 18 || error.codeName === 'AuthenticationFailed') {
      return new AppError('upstream_error', `MongoDB at ${where} refused the credential: ${error.message} Check the user and password in the connection string.`, { service: 'MongoDB', code: error.code });
    }
    if (error.code === 13 || error.codeName === 'Unauthorized') return new AppError('forbidden', `MongoDB refused the operation for this user: ${error.message}`, { service: 'MongoDB', code: error.code });
    return new AppError('upstream_error', `MongoDB refused the command: ${error.message.slice(0, 300)}`, { service: 'MongoDB', code: error.code });
  }
  if (error instanceof MongoError) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const blocked = /not allowed|outbound/i.test(`${error.message} ${cause ?? ''}`);
    if (blocked) return new AppError('outbound_blocked', `The MongoDB host is not reachable from this server: ${cause ?? error.message}`, { service: 'MongoDB' });
    return new AppError('upstream_unavailable', `MongoDB at ${where} could not be reached: ${(cause ?? error.message).slice(0, 300)}`, { service: 'MongoDB' });
  }
  return new AppError('upstream_unavailable', `MongoDB could not be used: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`, { service: 'MongoDB' });
}

/**
 * Connects to the user's MongoDB, runs `work` on the credential's database and closes the client. Every host of
 * the connection string is checked by the outbound guard first (and any other host the driver resolves, by the
 * lookup); one connection, no retries of writes.
 */
export async function withMongo<T>(context: Pick<IntegrationTestContext, 'http' | 'signal'>, target: MongoTarget, work: (db: Db) => Promise<T>): Promise<T> {
  const checkHost = context.http.checkHost?.bind(context.http);
  if (!checkHost) throw new AppError('upstream_unavailable', 'This server cannot check where the MongoDB host points, so it does not connect to it.');
  // An SRV name usually has no address of its own: the hosts its records name are checked by the lookup instead.
  if (!target.isSrv) for (const { host, port } of target.hosts) await checkHost(host, port);
  const ports = new Map(target.hosts.map(({ host, port }) => [host.toLowerCase(), port]));
  const serverSelectionTimeoutMS = timeoutFrom(target.connectionString, 'serverSelectionTimeoutMS') ?? defaultServerSelectionTimeoutMs;
  const options: MongoClientOptions = {
    appName: 'ClaraVerse',
    serverSelectionTimeoutMS,
    connectTimeoutMS: timeoutFrom(target.connectionString, 'connectTimeoutMS') ?? defaultServerSelectionTimeoutMs,
    socketTimeoutMS: maxTimeoutMs,
    maxPoolSize: 2,
    retryWrites: false,
    lookup: guardedLookup(checkHost, ports) as unknown as MongoClientOptions['lookup'],
  };
  let client: MongoClient;
  try {
    client = new MongoClient(target.connectionString, options);
  } catch (error) {
    throw new ValidationError(`The connection string is not valid: ${(error as Error).message}`);
  }
  const stop = () => void client.close(true);
  context.signal.addEventListener('abort', stop, { once: true });
  try {
    await client.connect();
    return await work(client.db(target.database));
  } catch (error) {
    context.signal.throwIfAborted();
    throw mongoError(error, target);
  } finally {
    context.signal.removeEventListener('abort', stop);
    await client.close();
  }
}

/** JSON (Extended JSON allowed: `{"$oid": …}`, `{"$date": …}`) → BSON values for the driver. */
export function fromJson<T>(value: unknown, field: string): T {
  try {
    return BSON.EJSON.deserialize(value as BSON.Document, { relaxed: true }) as T;
  } catch (error) {
    throw new ValidationError(`${field} is not valid (Extended) JSON: ${(error as Error).message}`);
  }
}

/** BSON documents → relaxed Extended JSON the model can read (ObjectId → `{"$oid"}`, dates → `{"$date"}`). */
export function toJson(documents: readonly BSON.Document[]): unknown[] {
  return documents.map((document) => BSON.EJSON.serialize(document, { relaxed: true }));
}

/** One id (ObjectId, string, number…) as relaxed Extended JSON. */
export function idToJson(id: unknown): unknown {
  return (BSON.EJSON.serialize({ id }, { relaxed: true }) as { id: unknown }).id;
}
