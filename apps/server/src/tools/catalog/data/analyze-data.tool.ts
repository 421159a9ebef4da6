import { z } from 'zod';
import { presentSandboxRun } from '../../../sandbox/sandbox-tool-output.js';
import { defineTool } from '../../define-tool.js';
import { analysisCode, analysisPrelude, analysisTypes } from './analysis-code.js';
import { dataInputFields, readDataInput, selectColumnsCode } from './data-input.js';

const runTimeoutMs = 120_000;

export const analyzeDataTool = defineTool({
  name: 'analyze_data',
  displayName: 'AI Data Analyst',
  description:
    'Analyses a table (an uploaded CSV, TSV, JSON or Excel file, or CSV text) with pandas in the code sandbox and returns ' +
    'the findings as text plus charts shown to the user. analysis_type: summary (shape, types, statistics, missing values), ' +
    'correlation (matrix, strongest pairs, heatmap), trend (over a date column or row order), distribution (histograms, ' +
    'frequent values), outliers (IQR rule, box plot) or full (all of these). python_code runs your own pandas code on the ' +
    'loaded DataFrame `df` (pd, np and plt imported) after the chosen analysis, or alone when no analysis_type is given.',
  icon: 'BarChart3',
  category: 'data',
  keywords: ['data', 'analysis', 'analyze', 'csv', 'excel', 'pandas', 'statistics', 'correlation', 'trend', 'chart', 'outliers', 'distribution'],
  timeoutMs: runTimeoutMs + 60_000,
  inputSchema: z.object({
    ...dataInputFields,
    analysis_type: z.enum(analysisTypes).optional().describe('What to compute; default summary (or only python_code when that is given)'),
    columns: z.array(z.string().min(1).max(200)).max(50).optional().describe('Analyse only these columns (exact header names)'),
    python_code: z.string().min(1).max(50_000).optional()
      .describe('Custom Python run on the loaded DataFrame df (pd, np, plt imported); print what you want to see'),
  }),
  async execute(input, context) {
    const data = await readDataInput(input, context);
    const analysisType = input.analysis_type ?? (input.python_code ? undefined : 'summary');
    const code = [
      analysisPrelude,
      data.loadCode,
      selectColumnsCode('df', input.columns),
      "print(f'Loaded {len(df)} rows and {len(df.columns)} columns: ' + ', '.join(map(str, df.columns[:50])))",
      analysisType ? analysisCode(analysisType) : '',
      input.python_code ? `\n# Custom code\n${input.python_code}` : '',
    ].join('\n');
    const run = await context.sandbox.run({ language: 'python', code, files: [data.file], timeoutMs: runTimeoutMs, signal: context.signal });
    return presentSandboxRun(run, context, { extra: { data_source: data.source, ...(analysisType ? { analysis_type: analysisType } : {}) } });
  },
});
