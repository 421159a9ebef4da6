/** A plausible sample value for a template path, by its last segment. */
function sampleValue(path: string): unknown {
  const leaf = path.split('.').at(-1) ?? path;
  if (leaf === 'status') return 200;
  if (leaf === 'count' || leaf === 'index' || leaf === 'delayedMs') return 0;
  if (leaf === 'results' || leaf === 'items') return [];
  if (leaf === 'item') return {};
  if (leaf === 'result') return true;
  if (leaf === 'input') return 'Sample input';
  return `Sample ${path}`;
}

/**
 * The scope an expression sees, filled with sample values for the paths available to the block (`input`,
 * variables, `item`/`index` in a loop, upstream outputs by block id): the JSONata preview's default input.
 */
export function sampleScope(paths: readonly string[]): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let target = scope;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    const last = parts.at(-1)!;
    if (!(last in target)) target[last] = sampleValue(path);
  }
  return scope;
}
