import { parseArgs } from 'node:util';
import { BridgeCliError, localServerSchema, type LocalServer } from './config-store.js';

export type CliCommand =
  | { name: 'login'; url?: string; key?: string }
  | { name: 'add'; server: LocalServer }
  | { name: 'list' }
  | { name: 'remove'; serverName: string }
  | { name: 'start'; verbose: boolean }
  | { name: 'status' }
  | { name: 'help' };

export const usage = `claraverse-bridge: offer the tools of MCP servers on this computer to your ClaraVerse account

Usage:
  claraverse-bridge login --url <server URL> [--key <clv_…>]   save the server and a personal API key (scope mcp-bridge)
  claraverse-bridge add <name> [--env NAME=value]… -- <command> [args…]   a stdio MCP server
  claraverse-bridge add <name> --url <http(s)://…/mcp> [--header "Name: value"]…   a Streamable HTTP MCP server
  claraverse-bridge list                                      the configured servers
  claraverse-bridge remove <name>                             forget a server
  claraverse-bridge start [--verbose]                         run the bridge until Ctrl+C
  claraverse-bridge status                                    the configuration and whether the bridge runs

Options of add: --description <text>, --disabled. The key may also come from CLARAVERSE_API_KEY.
Files live in ~/.claraverse-bridge (CLARAVERSE_BRIDGE_HOME overrides it).`;

function pairs(values: readonly string[], separator: RegExp, what: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values) {
    const match = separator.exec(value);
    if (!match || match.index === 0) throw new BridgeCliError(`${what} "${value}" must look like ${what === '--env' ? 'NAME=value' : '"Name: value"'}`);
    result[value.slice(0, match.index).trim()] = value.slice(match.index + match[0].length);
  }
  return result;
}

function parseAdd(argv: readonly string[]): CliCommand {
  const separator = argv.indexOf('--');
  const options = separator === -1 ? argv : argv.slice(0, separator);
  const commandLine = separator === -1 ? [] : argv.slice(separator + 1);
  const { values, positionals } = parseArgs({
    args: [...options],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      env: { type: 'string', multiple: true },
      header: { type: 'string', multiple: true },
      description: { type: 'string' },
      disabled: { type: 'boolean' },
    },
  });
  const [name, ...extra] = positionals;
  if (!name) throw new BridgeCliError('Give the server a name: claraverse-bridge add <name> -- <command> [args…]');
  if (extra.length > 0) throw new BridgeCliError(`Unexpected "${extra.join(' ')}"; put the server's command after --`);
  const [command, ...args] = commandLine;
  if (values.url && command) throw new BridgeCliError('Give either --url (an HTTP server) or a command after -- (a stdio server), not both');
  if (!values.url && !command) throw new BridgeCliError('Give the command that starts the server after --, or --url for an HTTP server');
  const candidate = {
    name,
    transport: values.url ? 'http' : 'stdio',
    ...(command ? { command, args } : {}),
    ...(values.url ? { url: values.url } : {}),
    env: pairs(values.env ?? [], /=/, '--env'),
    headers: pairs(values.header ?? [], /:\s*/, '--header'),
    enabled: !values.disabled,
    ...(values.description ? { description: values.description } : {}),
  };
  const parsed = localServerSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BridgeCliError(`Invalid server: ${issue?.path.join('.') || 'server'}: ${issue?.message ?? 'unknown problem'}`);
  }
  if (Object.keys(parsed.data.env).length > 0 && parsed.data.transport === 'http') throw new BridgeCliError('--env applies to stdio servers only');
  return { name: 'add', server: parsed.data };
}

/** Parses the command line (without `node` and the script). @throws BridgeCliError with a sentence for the user */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'login': {
        const { values } = parseArgs({ args: [...rest], options: { url: { type: 'string' }, key: { type: 'string' } } });
        return { name: 'login', ...(values.url ? { url: values.url } : {}), ...(values.key ? { key: values.key } : {}) };
      }
      case 'add':
        return parseAdd(rest);
      case 'list':
      case 'status':
        parseArgs({ args: [...rest], options: {} });
        return { name: command };
      case 'remove': {
        const { positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: {} });
        if (positionals.length !== 1) throw new BridgeCliError('Usage: claraverse-bridge remove <name>');
        return { name: 'remove', serverName: positionals[0]! };
      }
      case 'start': {
        const { values } = parseArgs({ args: [...rest], options: { verbose: { type: 'boolean', short: 'v' } } });
        return { name: 'start', verbose: values.verbose === true };
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return { name: 'help' };
      default:
        throw new BridgeCliError(`Unknown command "${command}"; run claraverse-bridge help`);
    }
  } catch (error) {
    if (error instanceof BridgeCliError) throw error;
    // node:util parseArgs errors (unknown option, missing value) are already sentences.
    throw new BridgeCliError(error instanceof Error ? error.message : String(error));
  }
}
