import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxFile } from '../tools/tool-ports.js';
import type { SandboxLimits } from './sandbox-limits.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const maxDepth = 4;

export interface CollectedFiles {
  files: SandboxFile[];
  /** Sentences about files that were left out (too large, too many). */
  notes: string[];
}

/**
 * Reads the files the code wrote into its working directory, after every process of the run has ended.
 * Only regular files count (a symlink could point at a server file); hidden files, `__pycache__` and
 * unchanged inputs are skipped; the limits cap the number and the bytes returned.
 */
export async function collectWorkFiles(workDir: string, inputs: readonly SandboxFile[], limits: SandboxLimits): Promise<CollectedFiles> {
  const inputByName = new Map(inputs.map((file) => [file.name, file.data]));
  const files: SandboxFile[] = [];
  const skipped: string[] = [];
  let totalBytes = 0;

  async function visit(dir: string, prefix: string, depth: number): Promise<void> {
    const entries = (await readdir(dir)).sort();
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === '__pycache__') continue;
      const path = join(dir, entry);
      const name = prefix === '' ? entry : `${prefix}/${entry}`;
      const stats = await lstat(path);
      if (stats.isDirectory()) {
        if (depth < maxDepth) await visit(path, name, depth + 1);
        continue;
      }
      if (!stats.isFile()) continue;
      if (stats.size > limits.maxFileBytes || files.length >= limits.maxFiles || totalBytes + stats.size > limits.maxTotalFileBytes) {
        skipped.push(name);
        continue;
      }
      const data = await readFile(path);
      const input = inputByName.get(name);
      if (input?.equals(data)) continue;
      files.push({ name, data });
      totalBytes += data.length;
    }
  }

  await visit(workDir, '', 0);
  const notes = skipped.length === 0 ? [] : [
    `${skipped.length} file(s) were not returned because they are over the limits (${limits.maxFiles} files, ` +
      `${Math.round(limits.maxFileBytes / 1024 / 1024)} MiB each, ${Math.round(limits.maxTotalFileBytes / 1024 / 1024)} MiB in all): ${skipped.slice(0, 5).join(', ')}`,
  ];
  return { files, notes };
}

/** The PNGs the runner saved for open matplotlib figures, in order, as base64. */
export async function collectPlots(plotsDir: string, limits: SandboxLimits): Promise<Array<{ format: 'png'; data: string }>> {
  const names = (await readdir(plotsDir)).filter((name) => /^figure-\d+\.png$/.test(name)).sort().slice(0, limits.maxPlots);
  const plots: Array<{ format: 'png'; data: string }> = [];
  for (const name of names) {
    const path = join(plotsDir, name);
    const stats = await lstat(path);
    if (!stats.isFile() || stats.size > limits.maxFileBytes) continue;
    const data = await readFile(path);
    if (data.subarray(0, 8).equals(pngSignature)) plots.push({ format: 'png', data: data.toString('base64') });
  }
  return plots;
}

/** A safe relative name for an input file: no directories, no leading dots, nothing outside the work dir. */
export function safeInputName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\w.\- ]/g, '_').replace(/^\.+/, '').slice(0, 120);
  return cleaned === '' ? 'input' : cleaned;
}
