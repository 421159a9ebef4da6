import type { Block, Connection, Workflow } from '../workflow.schema.js';

/**
 * Builds a workflow from short edge lines, so graph tests read like their ASCII diagrams:
 * `'a -> b'`, `'cond -true-> yes'` (a named output port). Block types default to `transform`;
 * `types` overrides them (`{ loop: 'loop' }`).
 */
export function buildGraph(edges: string[], types: Record<string, string> = {}, extraBlocks: string[] = []): Workflow {
  const ids = new Set<string>(extraBlocks);
  const connections: Connection[] = [];
  for (const edge of edges) {
    const match = /^\s*(\S+)\s+-(?:(\S+?)-)?>\s+(\S+)\s*$/.exec(edge);
    if (match === null) throw new Error(`Bad edge: ${edge}`);
    const [, source = '', port, target = ''] = match;
    ids.add(source);
    ids.add(target);
    connections.push({ id: `${source}->${target}`, sourceBlockId: source, targetBlockId: target, ...(port === undefined ? {} : { sourceOutput: port }) });
  }
  const blocks: Block[] = [...ids].map((id) => ({
    id,
    normalizedId: id,
    type: types[id] ?? 'transform',
    name: id,
    config: { expression: '1' },
    position: { x: 0, y: 0 },
  }));
  return { blocks, connections, variables: [] };
}
