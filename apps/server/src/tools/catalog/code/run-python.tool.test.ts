import { describe, expect, it } from 'vitest';
import { createSandboxToolContext } from '../../../sandbox/test-support.js';
import { runPythonTool } from './run-python.tool.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('run_python', { timeout: 90_000 }, () => {
  it('runs the code in the sandbox: output for the model, written files as download links, figures as plots', async () => {
    const { context, files } = createSandboxToolContext();
    const code = [
      'import matplotlib.pyplot as plt, pandas as pd',
      "frame = pd.DataFrame({'x': [1, 2, 3], 'y': [2, 4, 6]})",
      "print(frame['y'].sum())",
      "frame.to_csv('doubled.csv', index=False)",
      "open('scratch.txt', 'w').write('not asked for')",
      "plt.plot(frame['x'], frame['y'])",
    ].join('\n');
    const output = await runPythonTool.execute(runPythonTool.inputSchema.parse({ code, output_files: ['doubled.csv', 'missing.png'] }), context);
    expect(output.result).toMatchObject({
      success: true, exit_code: 0, stdout: '12\n', stderr: '', plot_count: 1, sandbox: 'bubblewrap', missing_files: ['missing.png'],
      files: [{ name: 'doubled.csv', filename: 'doubled.csv', size_bytes: 16, download_url: expect.stringMatching(/^\/api\/files\/.+\?code=/) }],
    });
    expect(files.generated.map((file) => [file.filename, file.mimeType, file.data.toString()])).toEqual([['doubled.csv', 'text/csv', 'x,y\n1,2\n2,4\n3,6\n']]);
    expect(output.plots).toHaveLength(1);
    expect(Buffer.from(output.plots![0]!.data, 'base64').subarray(0, 8)).toEqual(pngSignature);
  });

  it('refuses to install packages with a clear note, and turns notebook install lines into no-ops', async () => {
    const { context } = createSandboxToolContext();
    const code = "!pip install seaborn\nimport sys\nprint('still runs')";
    const output = await runPythonTool.execute(runPythonTool.inputSchema.parse({ code, dependencies: ['pandas>=1.5', 'requests'] }), context);
    const result = output.result as Record<string, unknown>;
    expect(result).toMatchObject({ success: true, stdout: 'still runs\n' });
    expect(result.dependencies_note).toBe(
      'Packages cannot be installed here (the sandbox has no network access). Not available: requests, seaborn. ' +
        'Available: numpy, pandas, matplotlib, scikit-learn, scipy, openpyxl, pillow and the standard library.',
    );
  });

  it('reports errors and limits to the model as results, not crashes', async () => {
    const { context } = createSandboxToolContext();
    const failing = await runPythonTool.execute(runPythonTool.inputSchema.parse({ code: 'import missing_module' }), context);
    expect(failing.result).toMatchObject({ success: false, exit_code: 1, files: [], plot_count: 0 });
    expect((failing.result as { stderr: string }).stderr).toContain("ModuleNotFoundError: No module named 'missing_module'");

    const greedy = await runPythonTool.execute(runPythonTool.inputSchema.parse({ code: 'x = bytearray(10 * 1024 ** 3)' }), context);
    expect(greedy.result).toMatchObject({ success: false, stopped: 'The code was stopped because it ran out of memory.' });
  });

  it('stops when the tool call is aborted', async () => {
    const controller = new AbortController();
    const { context } = createSandboxToolContext({ signal: controller.signal });
    const running = runPythonTool.execute(runPythonTool.inputSchema.parse({ code: 'import time\ntime.sleep(120)' }), context);
    setTimeout(() => controller.abort(), 300);
    expect((await running).result).toMatchObject({ success: false, stopped: 'The code was stopped because it was cancelled.' });
  });
});
