#!/usr/bin/env node
// `npm run bench -- <name> [--quick]`: builds the server, then runs bench/<name>/run.ts (default: every bench).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const [name, ...rest] = process.argv.slice(2);
const benches = name && !name.startsWith('--') ? [name] : readdirSync(new URL('../bench', import.meta.url)).filter((entry) => !entry.includes('.') && entry !== 'results');
const build = spawnSync('npx', ['tsc', '-b', 'apps/server'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (const bench of benches) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}/run.ts`, ...rest], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
