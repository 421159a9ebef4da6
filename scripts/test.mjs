#!/usr/bin/env node
// `npm test`: type-check, lint, build the web app, then every test suite; ends with one "N passed, N failed" line.
//
// Suites (vitest projects): shared, engine (the workflow engine), bridge (the claraverse-bridge CLI), server (SQLite), server-postgres (only when DATABASE_URL is postgres://…),
// web (components, jsdom), e2e (the built app in Debian's Chromium via playwright-core).
// CLARAVERSE_REQUIRE_SUITES=server-postgres,e2e makes a suite that ran no test a failure (CI sets it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const required = new Set((process.env.CLARAVERSE_REQUIRE_SUITES ?? '').split(',').map((name) => name.trim()).filter(Boolean));
const hasPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onlySuites = process.argv.slice(2);

let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n▶ ${label}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function gate(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? '✓' : '✗'} ${label}`);
  return ok;
}

function suite(name, extraEnv = {}) {
  const output = join(resultsDir, `${name}.json`);
  run(`suite ${name}`, 'npx', ['vitest', 'run', '--project', name, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], extraEnv);
  if (!existsSync(output)) {
    failed += 1;
    lines.push(`✗ ${name}: the runner produced no report`);
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const suiteFailed = report.numFailedTests + (report.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  passed += report.numPassedTests;
  failed += suiteFailed;
  let note = '';
  if (report.numPassedTests === 0 && required.has(name)) {
    failed += 1;
    note = ' — required suite ran no test';
  }
  lines.push(`${suiteFailed > 0 || note ? '✗' : '✓'} ${name}: ${report.numPassedTests} passed, ${suiteFailed} failed, ${report.numPendingTests} skipped${note}`);
}

function skipSuite(name, reason) {
  if (required.has(name)) {
    failed += 1;
    lines.push(`✗ ${name}: required but cannot run — ${reason}`);
  } else {
    lines.push(`- ${name}: not run — ${reason}`);
  }
  process.stdout.write(`\n▶ suite ${name}: not run — ${reason}\n`);
}

const wants = (name) => onlySuites.length === 0 || onlySuites.includes(name);

if (onlySuites.length === 0) {
  gate('type-check (tsc -b)', 'npx', ['tsc', '-b']);
  gate('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings', '100']);
}
if (wants('e2e') || onlySuites.length === 0) gate('build the web app', 'npm', ['run', 'build', '-w', '@claraverse/web']);

if (wants('shared')) suite('shared');
if (wants('engine')) suite('engine');
if (wants('bridge')) suite('bridge');
if (wants('server')) suite('server');
if (wants('server-postgres')) {
  if (hasPostgres) suite('server-postgres');
  else skipSuite('server-postgres', 'DATABASE_URL does not point at PostgreSQL (set DATABASE_URL=postgres://… to run it)');
}
if (wants('web')) suite('web');
if (wants('e2e')) {
  if (existsSync(chromiumPath)) suite('e2e', { CHROMIUM_PATH: chromiumPath });
  else skipSuite('e2e', `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

process.stdout.write(`\nSummary\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
