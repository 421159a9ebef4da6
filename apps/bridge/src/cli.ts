#!/usr/bin/env node
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseCliArguments, usage } from './cli-arguments.js';
import { addServer, listServers, login, removeServer, status } from './commands.js';
import { BridgeCliError, configPathsIn } from './config-store.js';
import { runBridge } from './run-bridge.js';

const clientVersion = '0.1.0';

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const paths = configPathsIn(env.CLARAVERSE_BRIDGE_HOME || join(homedir(), '.claraverse-bridge'));
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const command = parseCliArguments(argv);
  switch (command.name) {
    case 'help':
      print(usage);
      return 0;
    case 'login':
      await login(paths, { url: command.url, key: command.key ?? env.CLARAVERSE_API_KEY }, print);
      return 0;
    case 'add':
      addServer(paths, command.server, print);
      return 0;
    case 'list':
      listServers(paths, print);
      return 0;
    case 'remove':
      removeServer(paths, command.serverName, print);
      return 0;
    case 'status':
      status(paths, print);
      return 0;
    case 'start':
      return (await runBridge(paths, { verbose: command.verbose, clientVersion, print })) === 'stopped' ? 0 : 1;
  }
}

// The only place that reads the environment: the config folder and the API key.
// eslint-disable-next-line no-restricted-properties -- the CLI's entry point
main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof BridgeCliError ? error.message : `Unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`}\n`);
    process.exit(error instanceof BridgeCliError ? 2 : 1);
  },
);
