import type { Block } from '@claraverse/engine';

/** One output handle of a block on the canvas. */
export interface OutputPort {
  id: string;
  label: string;
}

function switchCases(config: Record<string, unknown>): string[] | undefined {
  const cases = config['cases'];
  if (!Array.isArray(cases)) return undefined;
  return cases.map((item: unknown) => {
    const record = (item ?? {}) as Record<string, unknown>;
    return typeof record['output'] === 'string' ? record['output'] : String(record['value']);
  });
}

/**
 * The output ports a block shows as handles, matching what the engine fires: a condition's `true`/`false` (or its
 * switch cases and `default`), a loop's `body`/`done`, `output` for the rest; plus `error` when the block's error
 * policy is `error-branch`.
 */
export function blockOutputPorts(block: Pick<Block, 'type' | 'config' | 'onError'>): OutputPort[] {
  let ports: OutputPort[];
  if (block.type === 'condition') {
    const cases = switchCases(block.config);
    ports = cases === undefined ? [{ id: 'true', label: 'true' }, { id: 'false', label: 'false' }] : [...cases, 'default'].map((id) => ({ id, label: id }));
  } else if (block.type === 'loop') {
    ports = [
      { id: 'body', label: 'each item' },
      { id: 'done', label: 'done' },
    ];
  } else {
    ports = [{ id: 'output', label: 'output' }];
  }
  if (block.onError === 'error-branch') ports.push({ id: 'error', label: 'on error' });
  return ports;
}

/** Whether a block has an input handle (every type takes inputs; a start block simply has none connected). */
export function hasInputHandle(block: Pick<Block, 'type' | 'config'>): boolean {
  return !(block.type === 'variable' && block.config['operation'] !== 'set');
}
