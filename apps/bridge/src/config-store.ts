import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One local MCP server the bridge runs (stdio) or reaches (Streamable HTTP). */
export const localServerSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  transport: z.enum(['stdio', 'http']),
  command: z.string().min(1).optional(),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  url: z.url({ protocol: /^https?$/ }).optional(),
  headers: z.record(z.string(), z.string()).default({}),
  enabled: z.boolean().default(true),
  description: z.string().max(500).optional(),
});
export type LocalServer = z.infer<typeof localServerSchema>;

export const bridgeConfigSchema = z.strictObject({
  /** The ClaraVerse server, e.g. `http://localhost:3001`. */
  serverUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** A personal API key with scope `mcp-bridge` (`clv_…`). */
  apiKey: z.string().regex(/^clv_[0-9a-f]{64}$/).optional(),
  /** Identifies this installation to the server (shown in Settings → My bridge). */
  clientId: z.string().min(1).max(128),
  servers: z.array(localServerSchema).default([]),
});
export type BridgeConfig = z.infer<typeof bridgeConfigSchema>;

/** An error whose message is meant for the person at the terminal. */
export class BridgeCliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeCliError';
  }
}

/** Where the bridge keeps its files: the config (0600, it holds the API key) and the state of `start`. */
export interface ConfigPaths {
  directory: string;
  configFile: string;
  stateFile: string;
}

export function configPathsIn(directory: string): ConfigPaths {
  return { directory, configFile: join(directory, 'config.json'), stateFile: join(directory, 'state.json') };
}

/** The config, or a fresh one (with a new client id) when there is none yet. @throws BridgeCliError when it is unreadable */
export function readConfig(paths: ConfigPaths): BridgeConfig {
  if (!existsSync(paths.configFile)) return { clientId: randomUUID(), servers: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(paths.configFile, 'utf8'));
  } catch {
    throw new BridgeCliError(`${paths.configFile} is not valid JSON; fix or delete it`);
  }
  const parsed = bridgeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BridgeCliError(`${paths.configFile} is invalid (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'unknown problem'}); fix or delete it`);
  }
  return parsed.data;
}

/**
 * Writes a JSON file readable by its owner only (0600, in a 0700 folder): written to a temporary file first and
 * renamed, so a crash never leaves half a file.
 */
export function writePrivateJson(paths: ConfigPaths, file: string, value: unknown): void {
  mkdirSync(paths.directory, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  // The mode of writeFileSync is masked by the umask; set it explicitly.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export function writeConfig(paths: ConfigPaths, config: BridgeConfig): void {
  writePrivateJson(paths, paths.configFile, bridgeConfigSchema.parse(config));
}
