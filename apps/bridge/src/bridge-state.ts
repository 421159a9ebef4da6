import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { BridgeConnectionState } from './bridge-connection.js';
import { writePrivateJson, type ConfigPaths } from './config-store.js';

/** What a running `start` writes for `status` to read. */
export interface BridgeRunState extends BridgeConnectionState {
  pid: number;
  startedAt: string;
  serverUrl: string;
  servers: Array<{ name: string; status: string; error?: string; toolCount: number }>;
}

export function writeRunState(paths: ConfigPaths, state: BridgeRunState): void {
  writePrivateJson(paths, paths.stateFile, state);
}

/** The state of a running bridge, or null when none runs (a stale file of a dead process is ignored). */
export function readRunState(paths: ConfigPaths): BridgeRunState | null {
  if (!existsSync(paths.stateFile)) return null;
  try {
    const state = JSON.parse(readFileSync(paths.stateFile, 'utf8')) as BridgeRunState;
    process.kill(state.pid, 0);
    return state;
  } catch {
    return null;
  }
}

export function removeRunState(paths: ConfigPaths): void {
  rmSync(paths.stateFile, { force: true });
}
