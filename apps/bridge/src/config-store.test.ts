import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addServer, removeServer, status } from './commands.js';
import { configPathsIn, readConfig, writeConfig, type ConfigPaths } from './config-store.js';
import { bridgeSocketUrl } from './bridge-connection.js';

let folder: string;
let paths: ConfigPaths;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'claraverse-bridge-config-'));
  paths = configPathsIn(join(folder, '.claraverse-bridge'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const server = { name: 'files', transport: 'stdio' as const, command: 'node', args: ['server.js'], env: { TOKEN: 'secret-token' }, headers: {}, enabled: true };

describe('config store', () => {
  it('starts empty with a client id, and writes the config readable by its owner only', () => {
    const fresh = readConfig(paths);
    expect(fresh).toEqual({ clientId: expect.any(String), servers: [] });
    writeConfig(paths, { ...fresh, serverUrl: 'http://localhost:3001', apiKey: `clv_${'a'.repeat(64)}` });
    expect(statSync(paths.configFile).mode & 0o777).toBe(0o600);
    expect(statSync(paths.directory).mode & 0o777).toBe(0o700);
    expect(readConfig(paths)).toMatchObject({ clientId: fresh.clientId, serverUrl: 'http://localhost:3001' });
  });

  it('explains a config that is not JSON or breaks the schema', () => {
    mkdirSync(paths.directory, { recursive: true });
    writeFileSync(paths.configFile, '{oops');
    expect(() => readConfig(paths)).toThrow(`${paths.configFile} is not valid JSON; fix or delete it`);
    writeFileSync(paths.configFile, JSON.stringify({ clientId: 'x', apiKey: 'not-a-key' }));
    expect(() => readConfig(paths)).toThrow(/is invalid \(apiKey: .*\)/);
  });

  it('adds, refuses duplicates, removes, and never prints env values', () => {
    const lines: string[] = [];
    addServer(paths, server, (line) => lines.push(line));
    expect(() => addServer(paths, { ...server, name: 'FILES' }, () => undefined)).toThrow('already configured');
    status(paths, (line) => lines.push(line));
    expect(lines.join('\n')).toContain('Servers configured: 1');
    expect(lines.join('\n')).not.toContain('secret-token');
    expect(readFileSync(paths.configFile, 'utf8')).toContain('secret-token');
    removeServer(paths, 'Files', () => undefined);
    expect(readConfig(paths).servers).toEqual([]);
    expect(() => removeServer(paths, 'files', () => undefined)).toThrow('No server called "files"');
  });
});

describe('bridgeSocketUrl', () => {
  it('maps http(s) to ws(s) and keeps a path prefix', () => {
    expect(bridgeSocketUrl('http://localhost:3001')).toBe('ws://localhost:3001/mcp/connect');
    expect(bridgeSocketUrl('https://ai.example.test/claraverse/')).toBe('wss://ai.example.test/claraverse/mcp/connect');
  });
});
