import { realtimeCloseCodes } from '@claraverse/shared';
import WebSocket from 'ws';
import { bridgeSocketUrl } from './bridge-connection.js';
import { readRunState } from './bridge-state.js';
import { BridgeCliError, readConfig, writeConfig, type ConfigPaths, type LocalServer } from './config-store.js';

/** What a command prints. */
export type Print = (line: string) => void;

/** Opens `/mcp/connect` and authenticates, without registering: proves the URL and the key work. */
export async function checkApiKey(serverUrl: string, apiKey: string): Promise<void> {
  const socket = new WebSocket(bridgeSocketUrl(serverUrl));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new BridgeCliError(`${serverUrl} did not answer within 10 s`));
    }, 10_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: apiKey })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString('utf8')) as { type?: string }).type !== 'ready') return;
      clearTimeout(timer);
      socket.close(1000);
      resolve();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(new BridgeCliError(`Could not reach ${serverUrl}: ${error.message}`));
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      if (code === realtimeCloseCodes.unauthenticated) reject(new BridgeCliError('The server refused the key: use a personal API key with the mcp-bridge scope (Settings → API keys)'));
      else reject(new BridgeCliError(`${serverUrl} closed the connection (code ${code})`));
    });
  });
}

export async function login(paths: ConfigPaths, options: { url: string | undefined; key: string | undefined }, print: Print): Promise<void> {
  const config = readConfig(paths);
  const serverUrl = (options.url ?? config.serverUrl)?.replace(/\/+$/, '');
  if (!serverUrl) throw new BridgeCliError('Give the server: claraverse-bridge login --url http://localhost:3001 --key clv_…');
  if (!/^https?:\/\//.test(serverUrl)) throw new BridgeCliError('The server URL must start with http:// or https://');
  if (!options.key) throw new BridgeCliError('Give a personal API key with the mcp-bridge scope: --key clv_… (or set CLARAVERSE_API_KEY)');
  if (!/^clv_[0-9a-f]{64}$/.test(options.key)) throw new BridgeCliError('That is not a ClaraVerse API key (they look like clv_ and 64 hex characters)');
  await checkApiKey(serverUrl, options.key);
  writeConfig(paths, { ...config, serverUrl, apiKey: options.key });
  print(`Signed in to ${serverUrl}; the key is saved in ${paths.configFile} (readable by you only).`);
}

export function addServer(paths: ConfigPaths, server: LocalServer, print: Print): void {
  const config = readConfig(paths);
  if (config.servers.some((known) => known.name.toLowerCase() === server.name.toLowerCase())) {
    throw new BridgeCliError(`A server called "${server.name}" is already configured; remove it first`);
  }
  writeConfig(paths, { ...config, servers: [...config.servers, server] });
  print(`Added ${server.name} (${server.transport}). Restart claraverse-bridge start to use it.`);
}

export function removeServer(paths: ConfigPaths, name: string, print: Print): void {
  const config = readConfig(paths);
  const servers = config.servers.filter((server) => server.name.toLowerCase() !== name.toLowerCase());
  if (servers.length === config.servers.length) throw new BridgeCliError(`No server called "${name}" is configured`);
  writeConfig(paths, { ...config, servers });
  print(`Removed ${name}.`);
}

/** One line per server; env and header values are never printed. */
function describeServer(server: LocalServer): string {
  const target = server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url;
  const secrets = [...Object.keys(server.env).map((name) => `env ${name}`), ...Object.keys(server.headers).map((name) => `header ${name}`)];
  return `  ${server.name}  ${server.transport}  ${target}${server.enabled ? '' : '  (disabled)'}${secrets.length > 0 ? `  [${secrets.join(', ')}]` : ''}`;
}

export function listServers(paths: ConfigPaths, print: Print): void {
  const { servers } = readConfig(paths);
  if (servers.length === 0) {
    print('No servers yet: claraverse-bridge add <name> -- <command> [args…]');
    return;
  }
  for (const server of servers) print(describeServer(server));
}

export function status(paths: ConfigPaths, print: Print): void {
  const config = readConfig(paths);
  print(config.serverUrl ? `Server: ${config.serverUrl}` : 'Server: not set (run claraverse-bridge login)');
  print(config.apiKey ? `API key: ${config.apiKey.slice(0, 12)}…` : 'API key: not set');
  const run = readRunState(paths);
  if (!run) {
    print('Bridge: not running');
  } else {
    print(`Bridge: running (pid ${run.pid}), ${run.isConnected ? `connected since ${run.connectedAt}, ${run.toolsRegistered} tools registered, last heartbeat ${run.lastHeartbeatAt ?? 'none yet'}` : 'not connected (retrying)'}`);
    for (const server of run.servers) print(`  ${server.name}: ${server.status}, ${server.toolCount} tools${server.error ? ` (${server.error})` : ''}`);
  }
  print(`Servers configured: ${config.servers.length}`);
}
