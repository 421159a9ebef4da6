import { accessSync, constants } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Logger } from '../platform/logging/logger.js';
import { ValidationError } from '../platform/errors/app-error.js';
import type { OutboundHttp, Sandbox, SandboxRunRequest, SandboxRunResult } from '../tools/tool-ports.js';
import { createBubblewrapPython } from './bubblewrap-python.js';
import { safeInputName } from './collect-work-files.js';
import { createE2bPython } from './e2b-python.js';
import { createPyodidePython } from './pyodide-python.js';
import { createQuickJsJavaScript } from './quickjs-javascript.js';
import { createRunSlots } from './run-slots.js';
import { defaultSandboxLimits, type SandboxLimits } from './sandbox-limits.js';

export type PythonBackend = 'bubblewrap' | 'pyodide' | 'e2b';

export interface SandboxOptions {
  logger: Logger;
  /** Python with pandas, numpy, matplotlib and scikit-learn, under /usr. Default `/usr/bin/python3`. */
  pythonPath?: string;
  /** Default: `bwrap` found in /usr/bin, /bin or /usr/local/bin. */
  bwrapPath?: string;
  /** Default: `prlimit` found the same way. */
  prlimitPath?: string;
  /** Where runs get their private folders. Default the OS temp folder. */
  workRoot?: string;
  limits?: Partial<SandboxLimits>;
  /** E2B's cloud sandbox runs Python instead of the local backends when set. */
  e2b?: { apiKey: string; apiUrl: string; http: OutboundHttp; template?: string } | null;
  /** Skip detection and use this local backend (tests of one backend). */
  forcePythonBackend?: 'bubblewrap' | 'pyodide';
  /** Start the detection now instead of at the first Python run. */
  detectNow?: boolean;
  /** Runs at once (the rest wait). Default the number of CPU cores the process may use. */
  maxConcurrentRuns?: number;
}

export interface SandboxService extends Sandbox {
  /** The backend that runs Python on this host (detected once, then remembered). */
  pythonBackend(): Promise<PythonBackend>;
  limits: SandboxLimits;
}

const requiredModules = ['numpy', 'pandas', 'matplotlib', 'sklearn'];
const probeCode = [
  'import importlib.util',
  `missing = [name for name in ${JSON.stringify(requiredModules)} if importlib.util.find_spec(name) is None]`,
  'print("missing: " + ", ".join(missing) if missing else "ready")',
].join('\n');

function findExecutable(name: string, configured: string | undefined): string | null {
  const candidates = configured ? [configured] : ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin'].map((dir) => join(dir, name));
  for (const path of candidates) {
    if (!isAbsolute(path)) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Try the next place.
    }
  }
  return null;
}

/**
 * The code sandbox (port `Sandbox`): JavaScript always in QuickJS; Python in E2B when configured, else under
 * bubblewrap with the system's scientific Python, else (no bubblewrap, no python3 or no libraries) in Pyodide
 * with a notice saying what is missing. The choice is made once and logged once.
 */
export function createSandbox(options: SandboxOptions): SandboxService {
  const limits: SandboxLimits = { ...defaultSandboxLimits, ...options.limits };
  const javascript = createQuickJsJavaScript({ limits });
  const pyodide = createPyodidePython({ limits });
  const e2b = options.e2b ? createE2bPython({ ...options.e2b, limits, logger: options.logger }) : null;
  const pythonPath = options.pythonPath ?? '/usr/bin/python3';
  const bwrapPath = findExecutable('bwrap', options.bwrapPath);
  const prlimitPath = findExecutable('prlimit', options.prlimitPath);
  const bubblewrap = bwrapPath && prlimitPath
    ? createBubblewrapPython({ pythonPath, bwrapPath, prlimitPath, workRoot: options.workRoot ?? tmpdir(), limits })
    : null;

  async function detect(): Promise<PythonBackend> {
    if (e2b) {
      options.logger.info({ backend: 'e2b' }, 'sandbox: Python runs in E2B');
      return 'e2b';
    }
    if (options.forcePythonBackend) return options.forcePythonBackend;
    const reason = await bubblewrapProblem();
    if (reason === null) {
      options.logger.info({ backend: 'bubblewrap', python: pythonPath }, 'sandbox: Python runs under bubblewrap');
      return 'bubblewrap';
    }
    options.logger.warn({ backend: 'pyodide', reason }, 'sandbox: Python falls back to Pyodide (standard library only)');
    return 'pyodide';
  }

  /** Null when bubblewrap can run the interpreter with every library, else why not. */
  async function bubblewrapProblem(): Promise<string | null> {
    if (!bwrapPath) return 'bwrap is not installed';
    if (!prlimitPath || !bubblewrap) return 'prlimit (util-linux) is not installed';
    if (!findExecutable('python3', pythonPath)) return `${pythonPath} does not exist`;
    try {
      const probe = await bubblewrap.run({ language: 'python', code: probeCode, timeoutMs: 60_000 });
      if (probe.stdout.trim() === 'ready') return null;
      return probe.stdout.trim().startsWith('missing:')
        ? `${pythonPath} lacks ${probe.stdout.trim().slice('missing: '.length)}`
        : `bubblewrap could not start Python: ${(probe.stderr || probe.stdout).trim().slice(0, 300)}`;
    } catch (error) {
      return `bubblewrap could not start: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  let detected: Promise<PythonBackend> | null = null;
  const pythonBackend = () => (detected ??= detect());
  if (options.detectNow) void pythonBackend();

  const slots = createRunSlots(options.maxConcurrentRuns ?? availableParallelism());

  async function runNow(request: SandboxRunRequest): Promise<SandboxRunResult> {
    if (request.language === 'javascript') return javascript.run(request);
    const backend = await pythonBackend();
    if (backend === 'e2b' && e2b) return e2b.run(request);
    if (backend === 'bubblewrap' && bubblewrap) return bubblewrap.run(request);
    return pyodide.run(request);
  }

  async function run(request: SandboxRunRequest): Promise<SandboxRunResult> {
    const names = (request.files ?? []).map((file) => safeInputName(file.name));
    if (new Set(names).size !== names.length) throw new ValidationError('Two input files have the same name; give each file its own name.');
    return slots.run(request.signal, () => runNow(request));
  }

  return { run, pythonBackend, limits };
}
