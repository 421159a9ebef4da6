import { describe, expect, it } from 'vitest';
import { createSandboxToolContext } from '../../../sandbox/test-support.js';
import { trainModelTool } from './train-model.tool.js';

/** A deterministic pseudo-random generator, so the data (and the metrics) are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Houses: price follows size and rooms (plus noise); `expensive` is price above 300 000; city is text. */
function housesCsv(count = 200): string {
  const next = random(7);
  const rows = ['size_m2,rooms,city,price,expensive'];
  for (let index = 0; index < count; index += 1) {
    const size = Math.round(40 + next() * 160);
    const rooms = 1 + Math.floor(size / 35);
    const city = ['Lyon', 'Nantes', 'Lille'][index % 3]!;
    const price = Math.round(size * 1_800 + rooms * 10_000 + (city === 'Lyon' ? 30_000 : 0) + (next() - 0.5) * 20_000);
    rows.push(`${size},${rooms},${city},${price},${price > 300_000 ? 'yes' : 'no'}`);
  }
  return `${rows.join('\n')}\n`;
}

type Result = { success: boolean; stdout: string; stderr: string; plot_count: number; metrics: Record<string, unknown> };

describe('train_model', { timeout: 120_000 }, () => {
  it('trains a classifier on an uploaded CSV and reports accuracy, a confusion matrix and feature importance', async () => {
    const { context, files } = createSandboxToolContext();
    const fileId = files.addUpload(context.userId, { filename: 'houses.csv', mimeType: 'text/csv', data: Buffer.from(housesCsv()) });
    const input = trainModelTool.inputSchema.parse({ file_id: fileId, task_type: 'classification', target_column: 'expensive', feature_columns: ['size_m2', 'rooms', 'city'] });
    const output = await trainModelTool.execute(input, context);
    const result = output.result as Result;
    expect(result).toMatchObject({ success: true, stderr: '', plot_count: 2, data_source: 'file houses.csv' });
    expect(result.metrics).toMatchObject({ task: 'classification', model: 'random_forest', rows: 200, train_rows: 160, test_rows: 40, classes: ['no', 'yes'] });
    expect(result.metrics.accuracy).toBeGreaterThan(0.85);
    expect(Object.keys(result.metrics.top_features as object)[0]).toBe('size_m2');
    expect(result.stdout).toContain('Most important features:');
    expect(result.stdout).not.toContain('__CLARAVERSE_METRICS__');
  });

  it('fits a linear regression whose R² shows the relation in the data', async () => {
    const { context } = createSandboxToolContext();
    const input = trainModelTool.inputSchema.parse({ csv_data: housesCsv(), task_type: 'regression', target_column: 'price', model_type: 'linear_regression', feature_columns: ['size_m2', 'rooms', 'city'], test_size: 0.25 });
    const result = (await trainModelTool.execute(input, context)).result as Result;
    expect(result.success).toBe(true);
    expect(result.metrics).toMatchObject({ task: 'regression', model: 'linear_regression', test_rows: 50 });
    expect(result.metrics.r2).toBeGreaterThan(0.95);
    expect(result.metrics.rmse).toBeGreaterThan(0);
  });

  it('clusters rows with k-means', async () => {
    const { context } = createSandboxToolContext();
    const input = trainModelTool.inputSchema.parse({ csv_data: housesCsv(90), task_type: 'clustering', feature_columns: ['size_m2', 'price'], n_clusters: 3 });
    const result = (await trainModelTool.execute(input, context)).result as Result;
    expect(result).toMatchObject({ success: true, plot_count: 1 });
    expect(result.metrics).toMatchObject({ task: 'clustering', model: 'kmeans', clusters: 3 });
    expect(Object.values(result.metrics.cluster_sizes as Record<string, number>).reduce((sum, size) => sum + size, 0)).toBe(90);
    expect(result.metrics.silhouette).toBeGreaterThan(0);
  });

  it('refuses a model that does not fit the task, a missing target, and names a target column that does not exist', async () => {
    const { context } = createSandboxToolContext();
    await expect(trainModelTool.execute(trainModelTool.inputSchema.parse({ csv_data: 'a,b\n1,2', task_type: 'regression', target_column: 'b', model_type: 'kmeans' }), context))
      .rejects.toThrow('kmeans does not do regression; use one of: random_forest, linear_regression, decision_tree.');
    await expect(trainModelTool.execute(trainModelTool.inputSchema.parse({ csv_data: 'a,b\n1,2', task_type: 'classification' }), context))
      .rejects.toThrow('classification needs target_column');
    const result = (await trainModelTool.execute(trainModelTool.inputSchema.parse({ csv_data: housesCsv(20), task_type: 'classification', target_column: 'cost' }), context)).result as Result;
    expect(result.success).toBe(false);
    expect(result.stderr).toContain("The target column 'cost' does not exist. The columns are: size_m2, rooms, city, price, expensive");
    expect(result.metrics).toBeNull();
  });
});
