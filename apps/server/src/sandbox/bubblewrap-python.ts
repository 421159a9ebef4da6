import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../platform/errors/app-error.js';
import type { SandboxFile, SandboxRunRequest, SandboxRunResult } from '../tools/tool-ports.js';
import { CappedText } from './capped-text.js';
import { collectPlots, collectWorkFiles, safeInputName } from './collect-work-files.js';
import { memoryErrorExitCode, pythonRunnerSource } from './python-runner-source.js';
import {
  cancelledMessage, effectiveLimits, memoryMessage, timeoutMessage, type SandboxLimits,
} from './sandbox-limits.js';

export interface BubblewrapPythonOptions {
  /** The interpreter with pandas, numpy, matplotlib and scikit-learn; it must live under /usr. */
  pythonPath: string;
  /** Absolute path of `bwrap`. */
  bwrapPath: string;
  /** Absolute path of `prlimit` (util-linux), which sets the resource limits before bwrap starts. */
  prlimitPath: string;
  /**
   * Where each run's private folder is made (and removed afterwards). When the server runs as root, the
   * unprivileged sandbox user must be able to pass through it (the OS temp folder can).
   */
  workRoot: string;
  limits: SandboxLimits;
  /** uid/gid the code runs as when the server runs as root (default 65534, "nobody"). */
  unprivilegedId?: number;
}

/**
 * Address space the interpreter and its libraries take before the user's code allocates anything
 * (numpy, pandas, scikit-learn and matplotlib imported: ~480 MiB of mappings, most never touched). RLIMIT_AS
 * counts mappings, not resident memory, so the limit is the request's memory plus this allowance.
 */
const interpreterAddressSpaceMb = 512;
/** Room for matplotlib's font cache and the code's scratch files in the private /tmp. */
const tmpfsBytes = 64 * 1024 * 1024;
/** Processes and threads the sandbox user may have, when it is a user of its own (server runs as root). */
const maxProcesses = 256;
const hardStopWaitMs = 5_000;
const cpuSecondsFor = (timeoutMs: number) => Math.ceil(timeoutMs / 1000) + 1;

/** What the host's root holds: real folders are bound read-only, symlinks (merged /usr) are recreated. */
function systemBinds(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const path of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(path)) continue;
    if (lstatSync(path).isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else args.push('--ro-bind', path, path);
  }
  // Only what the interpreter and its libraries read from /etc (no passwd, no hosts, no secrets).
  const etc = ['/etc/alternatives', '/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/localtime', '/etc/matplotlibrc', '/etc/fonts', '/etc/mime.types'];
  const python = existsSync('/etc') ? readdirSync('/etc').filter((name) => /^python3/.test(name)).map((name) => `/etc/${name}`) : [];
  for (const path of [...etc, ...python]) args.push('--ro-bind-try', path, path);
  return args;
}

const sandboxEnvironment: Record<string, string> = {
  HOME: '/tmp', USER: 'sandbox', PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8',
  MPLBACKEND: 'Agg', MPLCONFIGDIR: '/tmp/matplotlib',
  // One BLAS thread: less address space, and the CPU limit stays meaningful on shared machines.
  OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1',
  PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1',
};

interface RunDirs {
  root: string;
  code: string;
  work: string;
  plots: string;
}

async function prepareRunDir(workRoot: string, request: SandboxRunRequest, ownerId: number | null): Promise<RunDirs> {
  const root = await mkdtemp(join(workRoot, 'claraverse-sandbox-'));
  const dirs = { root, code: join(root, 'code'), work: join(root, 'work'), plots: join(root, 'plots') };
  await Promise.all([mkdir(dirs.code), mkdir(dirs.work), mkdir(dirs.plots)]);
  await writeFile(join(dirs.code, 'runner.py'), pythonRunnerSource);
  await writeFile(join(dirs.code, 'main.py'), request.code);
  for (const file of request.files ?? []) await writeFile(join(dirs.work, safeInputName(file.name)), file.data);
  if (ownerId !== null) {
    // The code runs as an unprivileged user: it may read the code and own its work and plot folders.
    await chmod(root, 0o711);
    await chmod(dirs.code, 0o755);
    for (const name of ['runner.py', 'main.py']) await chmod(join(dirs.code, name), 0o644);
    for (const dir of [dirs.work, dirs.plots]) await chown(dir, ownerId, ownerId);
    for (const file of request.files ?? []) await chown(join(dirs.work, safeInputName(file.name)), ownerId, ownerId);
  }
  return dirs;
}

function commandLine(
  options: BubblewrapPythonOptions, binds: readonly string[], dirs: RunDirs, timeoutMs: number, memoryMb: number, dropPrivileges: boolean,
): string[] {
  const addressSpace = (memoryMb + interpreterAddressSpaceMb) * 1024 * 1024;
  const cpuSeconds = cpuSecondsFor(timeoutMs);
  const limits = [
    // SIGXCPU at the soft CPU limit (Python dies of it), SIGKILL a second later if it is caught.
    `--as=${addressSpace}`, `--cpu=${cpuSeconds}:${cpuSeconds + 1}`, `--fsize=${options.limits.maxFileBytes}`, '--nofile=256', '--core=0',
    ...(dropPrivileges ? [`--nproc=${maxProcesses}`] : []),
  ];
  const environment = Object.entries(sandboxEnvironment).flatMap(([name, value]) => ['--setenv', name, value]);
  return [
    ...limits, '--', options.bwrapPath,
    '--unshare-all', '--die-with-parent', '--new-session', '--clearenv', '--hostname', 'sandbox',
    ...binds,
    '--proc', '/proc', '--dev', '/dev',
    '--size', String(tmpfsBytes), '--tmpfs', '/tmp',
    '--ro-bind', dirs.code, '/sandbox',
    '--bind', dirs.work, '/work',
    '--bind', dirs.plots, '/plots',
    // Everything outside /tmp, /work and /plots read-only, also the folders bwrap made for the mounts.
    '--remount-ro', '/',
    '--chdir', '/work',
    ...environment,
    options.pythonPath, '-B', '-s', '/sandbox/runner.py', '/sandbox/main.py', '/work', '/plots', String(options.limits.maxPlots),
  ];
}

interface ProcessOutcome {
  exitCode: number;
  stopReason?: 'timeout' | 'cancelled';
}

interface ContainedRun {
  command: string;
  args: string[];
  timeoutMs: number;
  signal: AbortSignal | undefined;
  stdout: CappedText;
  stderr: CappedText;
  /** uid and gid to run as (when the server is root); null keeps the server's. */
  runAs: number | null;
}

/** Runs prlimit → bwrap → python, stopping the whole process group at the deadline or on abort. */
function runContained(run: ContainedRun): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: '/usr/bin:/bin' },
      ...(run.runAs !== null ? { uid: run.runAs, gid: run.runAs } : {}),
    });
    let stopReason: ProcessOutcome['stopReason'];
    let fallbackTimer: NodeJS.Timeout | undefined;
    const stop = (reason: 'timeout' | 'cancelled') => {
      stopReason ??= reason;
      // Killing bwrap's monitor ends the sandbox's PID namespace (--die-with-parent), and with it every process inside.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      fallbackTimer ??= setTimeout(() => resolve({ exitCode: 137, stopReason }), hardStopWaitMs);
    };
    const timer = setTimeout(() => stop('timeout'), run.timeoutMs);
    const onAbort = () => stop('cancelled');
    if (run.signal?.aborted) onAbort();
    run.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => run.stdout.append(chunk));
    child.stderr.on('data', (chunk: Buffer) => run.stderr.append(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      reject(new AppError('service_unavailable', `The Python sandbox could not start: ${error.message}`));
    });
    child.on('close', (code, killSignal) => {
      clearTimeout(timer);
      clearTimeout(fallbackTimer);
      run.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode: code ?? 128 + (killSignal ? constants.signals[killSignal] : 0), ...(stopReason ? { stopReason } : {}) });
    });
  });
}

/** Why the run was stopped, if it was, with the sentence for stderr. */
function stopOf(outcome: ProcessOutcome, timeoutMs: number, memoryMb: number): { killedBy: NonNullable<SandboxRunResult['killedBy']>; message: string } | null {
  if (outcome.stopReason === 'timeout') return { killedBy: 'timeout', message: timeoutMessage(timeoutMs) };
  if (outcome.stopReason === 'cancelled') return { killedBy: 'cancelled', message: cancelledMessage };
  if (outcome.exitCode === memoryErrorExitCode) return { killedBy: 'memory', message: memoryMessage(memoryMb) };
  if (outcome.exitCode === 128 + constants.signals.SIGXCPU) {
    return { killedBy: 'timeout', message: `The code used more than ${cpuSecondsFor(timeoutMs)} s of CPU time and was stopped.` };
  }
  if (outcome.exitCode === 128 + constants.signals.SIGKILL) {
    // Not our kill and not the CPU limit's first signal: the kernel's out-of-memory killer, most likely.
    return { killedBy: 'memory', message: `The code was killed by the system, most likely for using too much memory (limit ${memoryMb} MiB).` };
  }
  return null;
}

/**
 * Python under bubblewrap: no network (own network namespace), a read-only /usr, a private /tmp and working
 * folder, no view of the server's files, and limits on address space, CPU seconds, file size and open files
 * set by prlimit before bwrap starts. A run that outlives its deadline is killed with its whole PID namespace.
 */
export function createBubblewrapPython(options: BubblewrapPythonOptions) {
  const isRoot = process.getuid?.() === 0;
  const unprivilegedId = options.unprivilegedId ?? 65534;
  const binds = systemBinds();

  async function run(request: SandboxRunRequest): Promise<SandboxRunResult> {
    const { timeoutMs, memoryMb } = effectiveLimits(request, options.limits);
    const stdout = new CappedText(options.limits.maxOutputBytes);
    const stderr = new CappedText(options.limits.maxOutputBytes);
    const dirs = await prepareRunDir(options.workRoot, request, isRoot ? unprivilegedId : null);
    try {
      const args = commandLine(options, binds, dirs, timeoutMs, memoryMb, isRoot);
      const outcome = await runContained({
        command: options.prlimitPath, args, timeoutMs, signal: request.signal, stdout, stderr, runAs: isRoot ? unprivilegedId : null,
      });
      const stop = stopOf(outcome, timeoutMs, memoryMb);
      if (stop) stderr.appendNote(stop.message);
      const killedBy = stop?.killedBy;
      const collected = killedBy === 'timeout' || killedBy === 'cancelled'
        ? { files: [] as SandboxFile[], notes: [] }
        : await collectWorkFiles(dirs.work, (request.files ?? []).map((file) => ({ name: safeInputName(file.name), data: file.data })), options.limits);
      for (const note of collected.notes) stderr.appendNote(note);
      const plots = killedBy ? [] : await collectPlots(dirs.plots, options.limits);
      return {
        backend: 'bubblewrap',
        stdout: stdout.text(),
        stderr: stderr.text(),
        exitCode: outcome.exitCode,
        ...(killedBy ? { killedBy } : {}),
        plots,
        files: collected.files,
      };
    } finally {
      await rm(dirs.root, { recursive: true, force: true });
    }
  }

  return { run };
}
