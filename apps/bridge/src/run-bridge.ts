import { createBridgeConnection, type BridgeConnectionState, type BridgeEnd } from './bridge-connection.js';
import { removeRunState, writeRunState } from './bridge-state.js';
import { BridgeCliError, readConfig, type ConfigPaths } from './config-store.js';
import { createLocalServers } from './local-servers.js';
import type { Print } from './commands.js';

/**
 * `claraverse-bridge start`: starts the configured servers, connects to the server and serves calls until
 * SIGINT/SIGTERM (then says goodbye, stops every child and removes its state file) or until the bridge is
 * replaced or refused. Resolves with why it ended.
 */
export async function runBridge(paths: ConfigPaths, options: { verbose: boolean; clientVersion: string; print: Print }): Promise<BridgeEnd> {
  const config = readConfig(paths);
  if (!config.serverUrl || !config.apiKey) throw new BridgeCliError('Run claraverse-bridge login first');
  const { serverUrl, apiKey } = config;
  const log = (line: string) => options.print(`${new Date().toISOString()} ${line}`);
  const startedAt = new Date().toISOString();
  let connectionState: BridgeConnectionState = { isConnected: false, connectedAt: null, lastHeartbeatAt: null, toolsRegistered: 0 };
  const saveState = () => writeRunState(paths, { pid: process.pid, startedAt, serverUrl, servers: localServers.summary(), ...connectionState });

  const localServers = createLocalServers(config.servers, {
    clientVersion: options.clientVersion, log, verbose: options.verbose,
    onToolsChanged: () => {
      connection.reregister();
      saveState();
    },
  });
  const connection = createBridgeConnection({
    serverUrl, apiKey, clientId: config.clientId, clientVersion: options.clientVersion, localServers, log, verbose: options.verbose,
    onStateChange: (state) => {
      connectionState = state;
      saveState();
    },
  });

  if (config.servers.filter((server) => server.enabled).length === 0) log('no servers configured: claraverse-bridge add <name> -- <command> [args…]');
  saveState();
  await localServers.start();
  connection.start();
  const stop = () => void connection.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const end = await connection.done;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await localServers.close();
  removeRunState(paths);
  log('stopped');
  return end;
}
