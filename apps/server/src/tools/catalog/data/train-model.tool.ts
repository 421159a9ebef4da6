import { z } from 'zod';
import { ValidationError } from '../../../platform/errors/app-error.js';
import { presentSandboxRun } from '../../../sandbox/sandbox-tool-output.js';
import { defineTool } from '../../define-tool.js';
import { dataInputFields, readDataInput } from './data-input.js';
import { metricsMarker, modelTypes, taskTypes, trainingCode, type ModelType, type TaskType } from './training-code.js';

const runTimeoutMs = 180_000;

/** The models each task can use; the first is the default. */
const modelsByTask: Record<TaskType, readonly ModelType[]> = {
  classification: ['random_forest', 'logistic_regression', 'decision_tree'],
  regression: ['random_forest', 'linear_regression', 'decision_tree'],
  clustering: ['kmeans', 'dbscan'],
};

/** The metrics line the program prints, taken out of what the model reads as stdout. */
function extractMetrics(stdout: string): { stdout: string; metrics: unknown } {
  const lines = stdout.split('\n');
  const index = lines.findIndex((line) => line.startsWith(metricsMarker));
  if (index === -1) return { stdout, metrics: null };
  try {
    const metrics = JSON.parse(lines[index]!.slice(metricsMarker.length)) as unknown;
    lines.splice(index, 1);
    return { stdout: lines.join('\n'), metrics };
  } catch {
    return { stdout, metrics: null };
  }
}

export const trainModelTool = defineTool({
  name: 'train_model',
  displayName: 'ML Model Trainer',
  description:
    'Trains a scikit-learn model on a table (an uploaded CSV, TSV, JSON or Excel file, or CSV text) in the code sandbox and ' +
    'returns its metrics with charts for the user. classification (random_forest, logistic_regression, decision_tree): ' +
    'accuracy, precision, recall, F1, confusion matrix; regression (random_forest, linear_regression, decision_tree): R², ' +
    'MAE, RMSE; clustering (kmeans, dbscan): cluster sizes and silhouette score. Text columns are one-hot encoded, missing ' +
    'values filled with the median; tree models also report the most important features.',
  icon: 'BrainCircuit',
  category: 'data',
  keywords: ['machine learning', 'ml', 'model', 'train', 'predict', 'classification', 'regression', 'clustering', 'scikit-learn', 'sklearn'],
  timeoutMs: runTimeoutMs + 60_000,
  inputSchema: z.object({
    ...dataInputFields,
    task_type: z.enum(taskTypes).describe('What to learn'),
    target_column: z.string().min(1).max(200).optional().describe('The column to predict (classification and regression)'),
    model_type: z.enum(modelTypes).optional().describe('Default: random_forest for classification and regression, kmeans for clustering'),
    test_size: z.number().min(0.05).max(0.5).default(0.2).describe('Share of rows held out to test the model, 0.05 to 0.5'),
    feature_columns: z.array(z.string().min(1).max(200)).max(200).optional().describe('Columns to learn from; default every other column'),
    n_clusters: z.number().int().min(2).max(20).default(3).describe('Clusters for kmeans'),
  }),
  async execute(input, context) {
    const allowed = modelsByTask[input.task_type];
    const model = input.model_type ?? allowed[0]!;
    if (!allowed.includes(model)) {
      throw new ValidationError(`${model} does not do ${input.task_type}; use one of: ${allowed.join(', ')}.`);
    }
    if (input.task_type !== 'clustering' && !input.target_column) {
      throw new ValidationError(`${input.task_type} needs target_column: the column the model should predict.`);
    }
    const data = await readDataInput(input, context);
    const code = [
      'import pandas as pd',
      data.loadCode,
      trainingCode({
        task: input.task_type, model, target: input.task_type === 'clustering' ? null : input.target_column!,
        features: input.feature_columns ?? null, testSize: input.test_size, clusters: input.n_clusters,
      }),
    ].join('\n');
    const run = await context.sandbox.run({ language: 'python', code, files: [data.file], timeoutMs: runTimeoutMs, signal: context.signal });
    const { stdout, metrics } = extractMetrics(run.stdout);
    return presentSandboxRun({ ...run, stdout }, context, { extra: { data_source: data.source, metrics } });
  },
});
