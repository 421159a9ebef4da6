import { createHash } from 'node:crypto';
import type { Logger } from '../platform/logging/logger.js';
import { AppError } from '../platform/errors/app-error.js';
import type { OutboundHttp, OutboundResponse, SandboxFile, SandboxRunRequest, SandboxRunResult } from '../tools/tool-ports.js';
import { CappedText } from './capped-text.js';
import { safeInputName } from './collect-work-files.js';
import {
  cancelledMessage, effectiveLimits, memoryMessage, timeoutMessage, type SandboxLimits,
} from './sandbox-limits.js';

export interface E2bPythonOptions {
  apiKey: string;
  /** E2B's API, e.g. `https://api.e2b.app`; sandbox hosts use its scheme. */
  apiUrl: string;
  /** The SSRF-guarded client (E2B's hosts are public; a self-hosted E2B needs the allow-list). */
  http: OutboundHttp;
  limits: SandboxLimits;
  logger: Logger;
  /** Default `code-interpreter-v1` (Jupyter with pandas, numpy, matplotlib, scikit-learn). */
  template?: string;
}

/** The code interpreter's Jupyter server inside the sandbox listens here. */
const jupyterPort = 49999;
const workDir = '/home/user/claraverse';
const setupTimeoutMs = 60_000;
/** Room for stdout, stderr and base64 plots in one NDJSON answer. */
const maxExecuteResponseBytes = 64 * 1024 * 1024;

interface CreatedSandbox {
  sandboxID: string;
  envdAccessToken?: string;
  domain?: string | null;
}

interface Execution {
  stdout: string[];
  stderr: string[];
  pngs: string[];
  error: { name: string; value: string; traceback: string } | null;
}

// Jupyter tracebacks are coloured with ANSI escapes (ESC [ … m).
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const ansiEscapes = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The NDJSON lines of `POST /execute`: stdout, stderr, result (display data), error, number_of_executions. */
function parseExecution(body: string): Execution {
  const execution: Execution = { stdout: [], stderr: [], pngs: [], error: null };
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (message.type === 'stdout' && typeof message.text === 'string') execution.stdout.push(message.text);
    else if (message.type === 'stderr' && typeof message.text === 'string') execution.stderr.push(message.text);
    else if (message.type === 'result' && typeof message.png === 'string') execution.pngs.push(message.png);
    else if (message.type === 'error') {
      const traceback = Array.isArray(message.traceback) ? message.traceback.join('\n') : String(message.traceback ?? '');
      execution.error = { name: String(message.name ?? 'Error'), value: String(message.value ?? ''), traceback: traceback.replace(ansiEscapes, '') };
    }
  }
  return execution;
}

/** Python that writes the input files into the work folder and makes it the current directory. */
function setupCode(files: SandboxFile[]): string {
  const entries = files.map((file) => [file.name, file.data.toString('base64')]);
  return [
    'import base64 as _b64, os as _os',
    `_os.makedirs(${JSON.stringify(workDir)}, exist_ok=True)`,
    `_os.chdir(${JSON.stringify(workDir)})`,
    `for _name, _data in ${JSON.stringify(entries)}:`,
    '    with open(_name, "wb") as _file:',
    '        _file.write(_b64.b64decode(_data))',
  ].join('\n');
}

/** Python that prints one JSON line: the files the code wrote (inputs unchanged are left out), within the caps. */
function collectCode(files: SandboxFile[], limits: SandboxLimits): string {
  const inputHashes = Object.fromEntries(files.map((file) => [file.name, createHash('sha256').update(file.data).digest('hex')]));
  return [
    'import base64 as _b64, hashlib as _hashlib, json as _json, os as _os',
    `_inputs = ${JSON.stringify(inputHashes)}`,
    `_limits = ${JSON.stringify({ maxFiles: limits.maxFiles, maxFileBytes: limits.maxFileBytes, maxTotal: limits.maxTotalFileBytes })}`,
    '_out, _skipped, _total = [], [], 0',
    `for _dir, _dirs, _names in _os.walk(${JSON.stringify(workDir)}):`,
    '    _dirs[:] = sorted(d for d in _dirs if not d.startswith(".") and d != "__pycache__")',
    '    for _n in sorted(_names):',
    '        _path = _os.path.join(_dir, _n)',
    `        _rel = _os.path.relpath(_path, ${JSON.stringify(workDir)})`,
    '        if _n.startswith(".") or _os.path.islink(_path) or not _os.path.isfile(_path):',
    '            continue',
    '        _size = _os.path.getsize(_path)',
    '        if _size > _limits["maxFileBytes"] or len(_out) >= _limits["maxFiles"] or _total + _size > _limits["maxTotal"]:',
    '            _skipped.append(_rel)',
    '            continue',
    '        _data = open(_path, "rb").read()',
    '        if _inputs.get(_rel) == _hashlib.sha256(_data).hexdigest():',
    '            continue',
    '        _out.append({"name": _rel, "data": _b64.b64encode(_data).decode()})',
    '        _total += _size',
    'print(_json.dumps({"files": _out, "skipped": _skipped}))',
  ].join('\n');
}

const apiBase = (options: E2bPythonOptions) => options.apiUrl.replace(/\/+$/, '');

function sandboxOrigin(apiUrl: string, sandbox: CreatedSandbox): string {
  const api = new URL(apiUrl);
  const domain = sandbox.domain || api.host.replace(/^api\./, '');
  return `${api.protocol}//${jupyterPort}-${sandbox.sandboxID}.${domain}`;
}

async function createRemoteSandbox(options: E2bPythonOptions, timeoutMs: number, signal: AbortSignal | undefined): Promise<CreatedSandbox> {
  const response = await options.http.request(`${apiBase(options)}/sandboxes`, {
    method: 'POST',
    headers: { 'x-api-key': options.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ templateID: options.template ?? 'code-interpreter-v1', timeout: Math.ceil(timeoutMs / 1000) + 60, allow_internet_access: false }),
    timeoutMs: setupTimeoutMs,
    ...(signal ? { signal } : {}),
  });
  if (response.status === 401 || response.status === 403) {
    throw new AppError('upstream_unavailable', 'E2B refused the API key. An administrator should check E2B_API_KEY.');
  }
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_unavailable', `E2B could not start a sandbox (HTTP ${response.status}): ${response.text().slice(0, 200)}`);
  }
  const body = response.json() as Partial<CreatedSandbox>;
  if (typeof body.sandboxID !== 'string' || !/^[\w-]+$/.test(body.sandboxID)) {
    throw new AppError('upstream_unavailable', 'E2B answered the sandbox request without a valid sandbox id.');
  }
  return { sandboxID: body.sandboxID, ...(body.envdAccessToken ? { envdAccessToken: body.envdAccessToken } : {}), domain: body.domain ?? null };
}

async function execute(
  options: E2bPythonOptions, sandbox: CreatedSandbox, code: string, timeoutMs: number, signal: AbortSignal | undefined,
): Promise<Execution> {
  const response: OutboundResponse = await options.http.request(`${sandboxOrigin(apiBase(options), sandbox)}/execute`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sandbox.envdAccessToken ? { 'x-access-token': sandbox.envdAccessToken } : {}) },
    body: JSON.stringify({ code, language: 'python' }),
    timeoutMs,
    maxBytes: maxExecuteResponseBytes,
    ...(signal ? { signal } : {}),
  });
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_unavailable', `E2B's code interpreter answered HTTP ${response.status}: ${response.text().slice(0, 200)}`);
  }
  return parseExecution(response.text());
}

async function deleteRemoteSandbox(options: E2bPythonOptions, sandboxId: string): Promise<void> {
  try {
    await options.http.request(`${apiBase(options)}/sandboxes/${sandboxId}`, { method: 'DELETE', headers: { 'x-api-key': options.apiKey }, timeoutMs: 10_000 });
  } catch (error) {
    // E2B removes it at its timeout anyway.
    options.logger.warn({ sandboxId, err: error instanceof Error ? error.message : String(error) }, 'could not delete an E2B sandbox');
  }
}

/** Runs the collecting code and decodes its JSON line; a broken answer costs the files, not the run. */
async function readWrittenFiles(
  options: E2bPythonOptions, sandbox: CreatedSandbox, inputs: SandboxFile[], signal: AbortSignal | undefined,
): Promise<{ files: SandboxFile[]; notes: string[] }> {
  const listing = await execute(options, sandbox, collectCode(inputs, options.limits), setupTimeoutMs, signal);
  try {
    const parsed = JSON.parse(listing.stdout.join('')) as { files: Array<{ name: string; data: string }>; skipped: string[] };
    const notes = parsed.skipped.length > 0
      ? [`${parsed.skipped.length} file(s) were not returned because they are over the size limits: ${parsed.skipped.slice(0, 5).join(', ')}`]
      : [];
    return { files: parsed.files.map((file) => ({ name: file.name, data: Buffer.from(file.data, 'base64') })), notes };
  } catch {
    return { files: [], notes: ['The files the code wrote could not be read back from E2B.'] };
  }
}

/**
 * Python in E2B's cloud sandbox (code-interpreter template), through its documented REST API: create a
 * sandbox (`POST /sandboxes`, `X-API-Key`), run code on its Jupyter server (`POST https://49999-<id>.<domain>/execute`,
 * NDJSON answer), delete it (`DELETE /sandboxes/<id>`). Input files go in and written files come back through
 * small executions of our own around the user's code. The sandbox gets no internet access.
 */
export function createE2bPython(options: E2bPythonOptions) {
  async function run(request: SandboxRunRequest): Promise<SandboxRunResult> {
    const { timeoutMs, memoryMb } = effectiveLimits(request, options.limits);
    const files = (request.files ?? []).map((file) => ({ name: safeInputName(file.name), data: file.data }));
    const stdout = new CappedText(options.limits.maxOutputBytes);
    const stderr = new CappedText(options.limits.maxOutputBytes);
    const sandbox = await createRemoteSandbox(options, timeoutMs, request.signal);
    try {
      const setup = await execute(options, sandbox, setupCode(files), setupTimeoutMs, request.signal);
      if (setup.error) throw new AppError('upstream_unavailable', `E2B could not receive the input files: ${setup.error.name}: ${setup.error.value}`);

      let killedBy: SandboxRunResult['killedBy'];
      let execution: Execution | null = null;
      try {
        execution = await execute(options, sandbox, request.code, timeoutMs, request.signal);
      } catch (error) {
        if (request.signal?.aborted) killedBy = 'cancelled';
        else if (error instanceof AppError && error.code === 'outbound_timeout') killedBy = 'timeout';
        else throw error;
      }
      for (const text of execution?.stdout ?? []) stdout.append(text);
      for (const text of execution?.stderr ?? []) stderr.append(text);
      if (execution?.error) {
        stderr.append(execution.error.traceback || `${execution.error.name}: ${execution.error.value}\n`);
        if (execution.error.name === 'MemoryError') killedBy = 'memory';
      }
      if (killedBy === 'timeout') stderr.appendNote(timeoutMessage(timeoutMs));
      if (killedBy === 'cancelled') stderr.appendNote(cancelledMessage);
      if (killedBy === 'memory') stderr.appendNote(memoryMessage(memoryMb));

      const written = execution && killedBy !== 'memory' ? await readWrittenFiles(options, sandbox, files, request.signal) : { files: [], notes: [] };
      for (const note of written.notes) stderr.appendNote(note);
      return {
        backend: 'e2b',
        stdout: stdout.text(),
        stderr: stderr.text(),
        exitCode: killedBy ? 137 : execution?.error ? 1 : 0,
        ...(killedBy ? { killedBy } : {}),
        plots: (execution?.pngs ?? []).slice(0, options.limits.maxPlots).map((data) => ({ format: 'png' as const, data })),
        files: written.files,
      };
    } finally {
      await deleteRemoteSandbox(options, sandbox.sandboxID);
    }
  }

  return { run };
}
