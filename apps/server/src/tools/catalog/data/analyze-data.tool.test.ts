import { describe, expect, it } from 'vitest';
import { createSandboxToolContext } from '../../../sandbox/test-support.js';
import { analyzeDataTool } from './analyze-data.tool.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** 60 days of sales: units rise with temperature, price is unrelated; one day has an absurd return count. */
function salesCsv(): string {
  const rows = ['date,region,temperature,units,price,returns'];
  for (let day = 0; day < 60; day += 1) {
    const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    const temperature = 10 + (day % 20);
    rows.push(`${date},${['north', 'south', 'east'][day % 3]},${temperature},${temperature * 3 + day},${(9.5 + (day % 4) * 0.25).toFixed(2)},${day === 42 ? 400 : day % 5}`);
  }
  return `${rows.join('\n')}\n`;
}

type Result = { success: boolean; stdout: string; stderr: string; plot_count: number; data_source: string };

describe('analyze_data', { timeout: 120_000 }, () => {
  it('runs a full analysis of an uploaded CSV: every section, numbers that match the data, and one chart per section', async () => {
    const { context, files } = createSandboxToolContext();
    const fileId = files.addUpload(context.userId, { filename: 'sales.csv', mimeType: 'text/csv', data: Buffer.from(salesCsv()) });
    const output = await analyzeDataTool.execute(analyzeDataTool.inputSchema.parse({ file_id: fileId, analysis_type: 'full' }), context);
    const result = output.result as Result;
    expect(result).toMatchObject({ success: true, stderr: '', data_source: 'file sales.csv', analysis_type: 'full' });
    expect(result.stdout).toContain('Loaded 60 rows and 6 columns: date, region, temperature, units, price, returns');
    for (const section of ['== Summary ==', '== Correlation ==', '== Trend ==', '== Distribution ==', '== Outliers']) expect(result.stdout).toContain(section);
    expect(result.stdout).toMatch(/temperature ~ units: 0\.\d{3}/);
    expect(result.stdout).toContain('Ordered by date');
    expect(result.stdout).toMatch(/returns: 1 outlier\(s\) outside \[[^\]]+\]; e\.g\. 400/);
    expect(result.stdout).toMatch(/region \(most frequent values\):\n(north|south|east)\s+20/);
    // Correlation heatmap, trend lines, histograms, box plot.
    expect(result.plot_count).toBe(4);
    for (const plot of output.plots ?? []) expect(Buffer.from(plot.data, 'base64').subarray(0, 8)).toEqual(pngSignature);
  });

  it('analyses csv_data restricted to some columns, then runs custom code on df', async () => {
    const { context } = createSandboxToolContext();
    const input = analyzeDataTool.inputSchema.parse({
      csv_data: salesCsv(), analysis_type: 'summary', columns: ['region', 'units'],
      python_code: "print('best region', df.groupby('region')['units'].sum().idxmax())",
    });
    const result = (await analyzeDataTool.execute(input, context)).result as Result;
    expect(result).toMatchObject({ success: true, data_source: 'csv_data' });
    expect(result.stdout).toContain('Loaded 60 rows and 2 columns: region, units');
    expect(result.stdout).not.toContain('temperature');
    expect(result.stdout).toMatch(/best region (north|south|east)\n$/);
  });

  it('names the real columns when asked for one that does not exist', async () => {
    const { context } = createSandboxToolContext();
    const input = analyzeDataTool.inputSchema.parse({ csv_data: 'a;b\n1;2\n3;4\n', columns: ['c'] });
    const result = (await analyzeDataTool.execute(input, context)).result as Result;
    expect(result.success).toBe(false);
    expect(result.stderr).toContain('Unknown column(s): c. The columns are: a, b');
  });

  it('refuses calls without data, with both inputs, or with a file that is not a table', async () => {
    const { context, files } = createSandboxToolContext();
    await expect(analyzeDataTool.execute(analyzeDataTool.inputSchema.parse({}), context)).rejects.toThrow('Give the data');
    await expect(analyzeDataTool.execute(analyzeDataTool.inputSchema.parse({ file_id: 'x', csv_data: 'a\n1' }), context)).rejects.toThrow('not both');
    const pdfId = files.addUpload(context.userId, { filename: 'report.pdf', mimeType: 'application/pdf', data: Buffer.from('%PDF-1.7') });
    await expect(analyzeDataTool.execute(analyzeDataTool.inputSchema.parse({ file_id: pdfId }), context)).rejects.toThrow('is not a table');
    await expect(analyzeDataTool.execute(analyzeDataTool.inputSchema.parse({ file_id: 'unknown' }), context)).rejects.toThrow('No file with id unknown');
  });
});
