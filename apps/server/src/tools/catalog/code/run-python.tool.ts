import { z } from 'zod';
import { presentSandboxRun } from '../../../sandbox/sandbox-tool-output.js';
import { defineTool } from '../../define-tool.js';

/** Seconds the code may run. */
const runTimeoutMs = 120_000;

/** What the full sandboxes (bubblewrap, E2B) have, by pip name. */
const preinstalled = ['numpy', 'pandas', 'matplotlib', 'scikit-learn', 'scipy', 'openpyxl', 'pillow'];
const pipAliases: Record<string, string> = { sklearn: 'scikit-learn', pil: 'pillow' };

/** `pandas>=2.0` → `pandas`; `Scikit_Learn` → `scikit-learn`. */
function pipName(requirement: string): string {
  const name = requirement.trim().split(/[\s<>=!~;[]/)[0]!.toLowerCase().replaceAll('_', '-');
  return pipAliases[name] ?? name;
}

/** Notebook-style install lines (`!pip install x`) are not Python; they become comments, keeping line numbers. */
function withoutInstallLines(code: string): { code: string; requested: string[] } {
  const requested: string[] = [];
  const cleaned = code.replace(/^([ \t]*)[!%][ \t]*pip3?[ \t]+install[ \t]+(.*)$/gm, (_line, indent: string, packages: string) => {
    requested.push(...packages.split(/\s+/).filter((word) => word !== '' && !word.startsWith('-')));
    return `${indent}pass  # removed: packages cannot be installed in this sandbox`;
  });
  return { code: cleaned, requested };
}

function dependenciesNote(requested: readonly string[], backend: string): string | undefined {
  if (requested.length === 0) return undefined;
  const available = backend === 'pyodide' ? [] : preinstalled;
  const names = [...new Set(requested.map(pipName))];
  const missing = names.filter((name) => !available.includes(name));
  return `Packages cannot be installed here (the sandbox has no network access). ${
    missing.length > 0 ? `Not available: ${missing.join(', ')}. ` : 'Everything requested is already installed. '
  }${available.length > 0 ? `Available: ${available.join(', ')} and the standard library.` : 'Only the standard library is available.'}`;
}

export const runPythonTool = defineTool({
  name: 'run_python',
  displayName: 'Python Code Runner',
  description:
    'Runs Python 3 code in an isolated sandbox (no network, time and memory limits) and returns stdout, stderr and the ' +
    'files it wrote as download links. pandas, numpy, matplotlib, scikit-learn and scipy are available; other packages ' +
    'cannot be installed. matplotlib figures left open (or shown with plt.show()) are returned as images for the user. ' +
    'Use it for calculations, data processing, simulations and charts; print the results you need.',
  icon: 'Code',
  category: 'code',
  keywords: ['python', 'code', 'run', 'execute', 'script', 'compute', 'pandas', 'numpy', 'matplotlib', 'chart', 'plot'],
  timeoutMs: runTimeoutMs + 60_000,
  inputSchema: z.object({
    code: z.string().min(1).max(200_000).describe('The Python 3 code; it runs as a script in an empty working folder'),
    dependencies: z.array(z.string().trim().min(1).max(100)).max(20).optional()
      .describe('pip packages the code needs (only checked: nothing can be installed; see the description for what is available)'),
    output_files: z.array(z.string().trim().min(1).max(200)).max(20).optional()
      .describe('Names of files the code writes (relative to its working folder) to return as download links; default every file it writes'),
  }),
  async execute(input, context) {
    const { code, requested } = withoutInstallLines(input.code);
    const run = await context.sandbox.run({ language: 'python', code, timeoutMs: runTimeoutMs, signal: context.signal });
    const note = dependenciesNote([...(input.dependencies ?? []), ...requested], run.backend);
    return presentSandboxRun(run, context, {
      ...(input.output_files ? { outputFiles: input.output_files } : {}),
      ...(note ? { extra: { dependencies_note: note } } : {}),
    });
  },
});
