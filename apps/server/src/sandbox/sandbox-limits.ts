/** Limits every backend applies to one run; the request may lower the time and memory, never the output caps. */
export interface SandboxLimits {
  /** Wall-clock limit when the request sets none, milliseconds. */
  defaultTimeoutMs: number;
  /** Highest wall-clock limit a request may ask for, milliseconds. */
  maxTimeoutMs: number;
  /** Memory when the request sets none, MiB. */
  defaultMemoryMb: number;
  /** Highest memory a request may ask for, MiB. */
  maxMemoryMb: number;
  /** Bytes kept of stdout, and separately of stderr; the rest is dropped with a note. */
  maxOutputBytes: number;
  /** Largest single file the code may write (also the OS file-size limit inside the sandbox), bytes. */
  maxFileBytes: number;
  /** Files collected from the working directory after a run. */
  maxFiles: number;
  /** All collected files together, bytes. */
  maxTotalFileBytes: number;
  /** matplotlib figures returned. */
  maxPlots: number;
}

export const defaultSandboxLimits: SandboxLimits = {
  defaultTimeoutMs: 30_000,
  maxTimeoutMs: 300_000,
  defaultMemoryMb: 512,
  maxMemoryMb: 4_096,
  maxOutputBytes: 1024 * 1024,
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 20,
  maxTotalFileBytes: 25 * 1024 * 1024,
  maxPlots: 10,
};

/** The request's time and memory, defaulted and clamped to the limits. */
export function effectiveLimits(request: { timeoutMs?: number; memoryMb?: number }, limits: SandboxLimits): { timeoutMs: number; memoryMb: number } {
  const timeoutMs = Math.min(Math.max(1, Math.floor(request.timeoutMs ?? limits.defaultTimeoutMs)), limits.maxTimeoutMs);
  const memoryMb = Math.min(Math.max(16, Math.floor(request.memoryMb ?? limits.defaultMemoryMb)), limits.maxMemoryMb);
  return { timeoutMs, memoryMb };
}

/** "30 s" / "500 ms" for messages. */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1_000 ? `${milliseconds} ms` : `${Math.round(milliseconds / 100) / 10} s`;
}

export const timeoutMessage = (timeoutMs: number) => `The code did not finish within ${formatDuration(timeoutMs)} and was stopped.`;
export const memoryMessage = (memoryMb: number) => `The code ran out of memory: the limit is ${memoryMb} MiB, and it was stopped.`;
export const cancelledMessage = 'The run was cancelled.';
