import { uploadFileTypes } from '@claraverse/shared';
import type { ToolContext, ToolOutput } from '../tools/define-tool.js';
import type { SandboxRunResult } from '../tools/tool-ports.js';

/** Characters of stdout (and of stderr) the model reads: the start and the end, where results and errors are. */
const maxStreamChars = 12_000;

const extraMimeTypes: Record<string, string> = {
  svg: 'image/svg+xml', html: 'text/html', xml: 'application/xml', parquet: 'application/vnd.apache.parquet',
  pkl: 'application/octet-stream', joblib: 'application/octet-stream', npy: 'application/octet-stream', zip: 'application/zip',
};

/** The download type of a file the code wrote, from its extension. */
export function mimeTypeOfName(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return uploadFileTypes.find((type) => type.extensions.includes(extension))?.mimeType ?? extraMimeTypes[extension] ?? 'application/octet-stream';
}

/** Keeps the first and last part of a long text, saying how much was left out in between. */
export function clipMiddle(text: string, maxChars = maxStreamChars): string {
  if (text.length <= maxChars) return text;
  const head = Math.floor(maxChars * 0.7);
  const tail = maxChars - head;
  return `${text.slice(0, head)}\n… [${text.length - maxChars} characters left out] …\n${text.slice(-tail)}`;
}

const stopReasons = {
  timeout: 'it ran past its time limit',
  memory: 'it ran out of memory',
  cancelled: 'it was cancelled',
} as const;

export interface PresentOptions {
  /** Only these of the files the code wrote become download links; missing ones are listed. */
  outputFiles?: readonly string[];
  /** More fields for the model (e.g. metrics). */
  extra?: Record<string, unknown>;
}

/**
 * A sandbox run as a tool result: output for the model (clipped), written files saved as 30-day download
 * links, figures as plots for the chat (the model only learns how many there were).
 */
export async function presentSandboxRun(run: SandboxRunResult, context: ToolContext, options: PresentOptions = {}): Promise<ToolOutput> {
  const wanted = options.outputFiles ? new Set(options.outputFiles.map((name) => name.replace(/^\.\//, ''))) : null;
  const chosen = wanted ? run.files.filter((file) => wanted.has(file.name)) : run.files;
  const files: Array<Record<string, unknown>> = [];
  const notSaved: string[] = [];
  for (const file of chosen) {
    if (file.data.length === 0) {
      notSaved.push(`${file.name} (empty)`);
      continue;
    }
    const filename = file.name.split('/').pop() ?? file.name;
    const saved = await context.files.saveGenerated(context.userId, { filename, mimeType: mimeTypeOfName(filename), data: file.data });
    files.push({ name: file.name, filename: saved.filename, download_url: saved.url, size_bytes: saved.size, expires_at: saved.expiresAt });
  }
  const missing = wanted ? [...wanted].filter((name) => !run.files.some((file) => file.name === name)) : [];
  const result: Record<string, unknown> = {
    success: run.exitCode === 0 && !run.killedBy,
    exit_code: run.exitCode,
    stdout: clipMiddle(run.stdout),
    stderr: clipMiddle(run.stderr),
    ...(run.killedBy ? { stopped: `The code was stopped because ${stopReasons[run.killedBy]}.` } : {}),
    ...(run.notice ? { notice: run.notice } : {}),
    files,
    ...(missing.length > 0 ? { missing_files: missing } : {}),
    ...(notSaved.length > 0 ? { files_not_saved: notSaved } : {}),
    ...(files.length > 0 ? { message: 'Give the user the download links; they work for 30 days.' } : {}),
    plot_count: run.plots.length,
    sandbox: run.backend,
    ...options.extra,
  };
  return { result, plots: run.plots };
}
