import type { Block, Workflow } from '@claraverse/engine';

/** Output keys worth offering in `{{…}}` hints, per block type ('' is the block's whole output). */
const outputKeys: Record<string, readonly string[]> = {
  variable: ['value'],
  llm_inference: ['response', 'data'],
  code_block: ['result', 'data'],
  condition: ['result', 'branch'],
  loop: ['results', 'count'],
  merge: [''],
  transform: [''],
  http_request: ['status', 'body'],
  code: ['result', 'stdout'],
  sub_agent: ['output', 'status'],
  delay: ['delayedMs'],
  webhook: ['status', 'body'],
  output: [''],
};

function upstreamOf(workflow: Workflow, blockId: string): Set<string> {
  const parents = new Map<string, string[]>();
  for (const connection of workflow.connections) {
    const list = parents.get(connection.targetBlockId);
    if (list === undefined) parents.set(connection.targetBlockId, [connection.sourceBlockId]);
    else list.push(connection.sourceBlockId);
  }
  const seen = new Set<string>();
  const queue = [blockId];
  while (queue.length > 0) {
    for (const parent of parents.get(queue.pop()!) ?? []) {
      if (!seen.has(parent) && parent !== blockId) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return seen;
}

function isInLoopBody(workflow: Workflow, blockId: string, loops: readonly Block[]): boolean {
  return loops.some((loop) => {
    const queue = workflow.connections.filter((c) => c.sourceBlockId === loop.id && c.sourceOutput === 'body').map((c) => c.targetBlockId);
    const seen = new Set(queue);
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (id === blockId) return true;
      for (const c of workflow.connections) {
        if (c.sourceBlockId === id && !seen.has(c.targetBlockId)) {
          seen.add(c.targetBlockId);
          queue.push(c.targetBlockId);
        }
      }
    }
    return false;
  });
}

/**
 * The template paths a block can use, for the `{{…}}` hints of its prompts: `input`, workflow variables, `item`
 * and `index` inside a loop body, and the main output fields of every block upstream of it (by normalizedId).
 */
export function availablePaths(workflow: Workflow, blockId: string): string[] {
  const upstream = upstreamOf(workflow, blockId);
  const blocks = workflow.blocks.filter((block) => upstream.has(block.id));
  const paths = ['input', ...workflow.variables.map((variable) => variable.name)];
  const loops = blocks.filter((block) => block.type === 'loop');
  if (isInLoopBody(workflow, blockId, loops)) paths.push('item', 'index');
  for (const block of blocks) {
    for (const key of outputKeys[block.type] ?? ['']) paths.push(key === '' ? block.normalizedId : `${block.normalizedId}.${key}`);
  }
  return paths;
}
