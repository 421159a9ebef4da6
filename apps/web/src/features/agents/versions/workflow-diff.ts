import type { Block, Connection, Workflow } from '@claraverse/engine';

/** A block present in both workflows whose settings differ, with the fields that changed (`config.model`, `name`…). */
export interface ChangedBlock {
  blockId: string;
  /** The block as it is in the newer workflow (`to`). */
  name: string;
  previousName: string;
  type: string;
  fields: string[];
  /** The old and new value of each field in `fields`. */
  changes: FieldChange[];
}

/** One changed field of a block with its old and new value (read from the blocks, for the list to show). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A connection as a person reads it: `Start → Summarize`, with the port when it is not the default one. */
export interface ConnectionChange {
  key: string;
  sourceBlockId: string;
  targetBlockId: string;
  label: string;
}

export interface WorkflowDiff {
  /** Blocks only in `to`. */
  addedBlocks: Block[];
  /** Blocks only in `from`. */
  removedBlocks: Block[];
  changedBlocks: ChangedBlock[];
  addedConnections: ConnectionChange[];
  removedConnections: ConnectionChange[];
  /** Whether the variables list differs (compared as a whole). */
  variablesChanged: boolean;
  isEmpty: boolean;
}

/** Block fields compared one by one besides `config` (each config key is its own field, `config.<key>`). */
const blockFields = ['name', 'type', 'description', 'timeoutSeconds', 'retry', 'onError'] as const;

/** Structural equality of JSON values (key order does not matter). */
function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, index) => sameValue(item, right[index]));
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const keys = new Set([...Object.keys(leftRecord), ...Object.keys(rightRecord)]);
  for (const key of keys) if (!sameValue(leftRecord[key], rightRecord[key])) return false;
  return true;
}

/** The fields of a block that differ between two versions of it, in a stable order (block fields, config keys, position). */
export function changedBlockFields(before: Block, after: Block): string[] {
  const fields: string[] = [];
  for (const field of blockFields) if (!sameValue(before[field], after[field])) fields.push(field);
  const configKeys = [...new Set([...Object.keys(before.config), ...Object.keys(after.config)])].sort();
  for (const key of configKeys) if (!sameValue(before.config[key], after.config[key])) fields.push(`config.${key}`);
  if (before.position.x !== after.position.x || before.position.y !== after.position.y) fields.push('position');
  return fields;
}

/** A connection's identity: ids may differ between versions, the wiring is what matters. */
function connectionKey(connection: Connection): string {
  return `${connection.sourceBlockId}\u0000${connection.sourceOutput ?? 'output'}\u0000${connection.targetBlockId}\u0000${connection.targetInput ?? ''}`;
}

function describeConnection(connection: Connection, names: ReadonlyMap<string, string>): ConnectionChange {
  const port = connection.sourceOutput ?? 'output';
  const source = names.get(connection.sourceBlockId) ?? connection.sourceBlockId;
  const target = names.get(connection.targetBlockId) ?? connection.targetBlockId;
  return {
    key: connectionKey(connection),
    sourceBlockId: connection.sourceBlockId,
    targetBlockId: connection.targetBlockId,
    label: `${source}${port === 'output' ? '' : ` (${port})`} → ${target}`,
  };
}

/**
 * What changed from `from` to `to`: blocks matched by id (added, removed, changed with which fields), connections
 * matched by their wiring (source, port, target), and whether the variables differ. Pure; the versions panel shows
 * it as a list and highlights it on the preview canvas.
 */
export function diffWorkflows(from: Workflow, to: Workflow): WorkflowDiff {
  const fromBlocks = new Map(from.blocks.map((block) => [block.id, block]));
  const toBlocks = new Map(to.blocks.map((block) => [block.id, block]));
  // Names from both sides, the newer winning, so a connection to a removed block still reads well.
  const names = new Map([...from.blocks, ...to.blocks].map((block) => [block.id, block.name]));

  const addedBlocks = to.blocks.filter((block) => !fromBlocks.has(block.id));
  const removedBlocks = from.blocks.filter((block) => !toBlocks.has(block.id));
  const changedBlocks: ChangedBlock[] = [];
  for (const after of to.blocks) {
    const before = fromBlocks.get(after.id);
    if (before === undefined) continue;
    const fields = changedBlockFields(before, after);
    if (fields.length > 0) changedBlocks.push({ blockId: after.id, name: after.name, previousName: before.name, type: after.type, fields, changes: fieldChanges(before, after, fields) });
  }

  const fromKeys = new Set(from.connections.map(connectionKey));
  const toKeys = new Set(to.connections.map(connectionKey));
  const addedConnections = to.connections.filter((connection) => !fromKeys.has(connectionKey(connection))).map((connection) => describeConnection(connection, names));
  const removedConnections = from.connections.filter((connection) => !toKeys.has(connectionKey(connection))).map((connection) => describeConnection(connection, names));
  const variablesChanged = !sameValue(from.variables, to.variables);

  return {
    addedBlocks,
    removedBlocks,
    changedBlocks,
    addedConnections,
    removedConnections,
    variablesChanged,
    isEmpty: addedBlocks.length + removedBlocks.length + changedBlocks.length + addedConnections.length + removedConnections.length === 0 && !variablesChanged,
  };
}

function fieldValue(block: Block, field: string): unknown {
  if (field === 'position') return block.position;
  if (field.startsWith('config.')) return block.config[field.slice('config.'.length)];
  return block[field as keyof Block];
}

/** The old and new values of each changed field of a block present in both workflows. */
export function fieldChanges(before: Block, after: Block, fields: readonly string[]): FieldChange[] {
  return fields.map((field) => ({ field, before: fieldValue(before, field), after: fieldValue(after, field) }));
}

/** A value short enough to show inline ("{{shout}}", 0.2, "none"), or undefined for objects and long text. */
export function shortValue(value: unknown, limit = 48): string | undefined {
  if (value === undefined || value === null || value === '') return 'none';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const line = value.replace(/\s+/g, ' ');
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** A field name as shown in the diff list: `config.systemPrompt` → `system prompt`, `position` → `moved`. */
export function describeField(field: string): string {
  if (field === 'position') return 'moved';
  if (field === 'onError') return 'error policy';
  if (field === 'timeoutSeconds') return 'timeout';
  const name = field.startsWith('config.') ? field.slice('config.'.length) : field;
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
