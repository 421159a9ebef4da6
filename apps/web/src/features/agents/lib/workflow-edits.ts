import { detectCycles, type Block, type Connection, type Workflow } from '@claraverse/engine';
import { blockTypeInfo } from './block-catalog';
import { blockOutputPorts, hasInputHandle } from './block-ports';
import { uniqueBlockName, uniqueNormalizedId } from './normalize-id';

/**
 * Pure edits of a workflow in the engine's shape. Each returns a new workflow (inputs are never mutated), so the
 * editor store can keep the previous one as an undo snapshot.
 */

/** Makes fresh ids for blocks and connections (crypto.randomUUID in the app; a counter in tests). */
export type IdFactory = (kind: 'block' | 'connection') => string;

/** Why a connection was refused, for a message next to the canvas. */
export type ConnectRefusal = 'MISSING_BLOCK' | 'SELF_LOOP' | 'DUPLICATE' | 'CYCLE' | 'UNKNOWN_OUTPUT' | 'TARGET_TAKES_NO_INPUT';

export type ConnectResult = { ok: true; workflow: Workflow; connectionId: string } | { ok: false; reason: ConnectRefusal; message: string };

export interface ConnectRequest {
  sourceBlockId: string;
  /** The source's output port; `output` when omitted. */
  sourceOutput?: string | undefined;
  targetBlockId: string;
}

function normalizedIds(workflow: Workflow, except?: string): Set<string> {
  return new Set(workflow.blocks.filter((block) => block.id !== except).map((block) => block.normalizedId));
}

/** A new block of a palette type with its default config, a unique name and a normalizedId derived from it. */
export function addBlock(workflow: Workflow, type: string, position: { x: number; y: number }, createId: IdFactory): { workflow: Workflow; block: Block } {
  const info = blockTypeInfo(type);
  const taken = normalizedIds(workflow);
  const name = uniqueBlockName(info.defaultName, taken);
  const block: Block = { id: createId('block'), normalizedId: uniqueNormalizedId(name, taken), type, name, config: info.defaultConfig(), position };
  return { workflow: { ...workflow, blocks: [...workflow.blocks, block] }, block };
}

/**
 * Connects two blocks if the engine would accept it: both exist, the output is one the source fires, the target
 * takes inputs, it is not a self-loop or a duplicate, and it closes no cycle (engine's detectCycles).
 */
export function connectBlocks(workflow: Workflow, request: ConnectRequest, createId: IdFactory): ConnectResult {
  const source = workflow.blocks.find((block) => block.id === request.sourceBlockId);
  const target = workflow.blocks.find((block) => block.id === request.targetBlockId);
  const sourceOutput = request.sourceOutput ?? 'output';
  if (source === undefined || target === undefined) return { ok: false, reason: 'MISSING_BLOCK', message: 'One of the blocks no longer exists.' };
  if (source.id === target.id) return { ok: false, reason: 'SELF_LOOP', message: `"${source.name}" cannot feed itself.` };
  const ports = blockOutputPorts(source).map((port) => port.id);
  if (!ports.includes(sourceOutput)) {
    return { ok: false, reason: 'UNKNOWN_OUTPUT', message: `"${source.name}" has no output "${sourceOutput}" (it has: ${ports.join(', ')}).` };
  }
  if (!hasInputHandle(target)) return { ok: false, reason: 'TARGET_TAKES_NO_INPUT', message: `"${target.name}" starts the run and takes no input.` };
  const duplicate = workflow.connections.some(
    (connection) => connection.sourceBlockId === source.id && connection.targetBlockId === target.id && (connection.sourceOutput ?? 'output') === sourceOutput,
  );
  if (duplicate) return { ok: false, reason: 'DUPLICATE', message: `"${source.name}" is already connected to "${target.name}".` };
  const connection: Connection = { id: createId('connection'), sourceBlockId: source.id, sourceOutput, targetBlockId: target.id };
  const connections = [...workflow.connections, connection];
  const cycles = detectCycles(
    workflow.blocks.map((block) => block.id),
    connections,
  );
  if (cycles.some((cycle) => cycle.includes(source.id) && cycle.includes(target.id))) {
    return { ok: false, reason: 'CYCLE', message: `Connecting "${source.name}" to "${target.name}" would make a loop back to "${source.name}".` };
  }
  return { ok: true, workflow: { ...workflow, connections }, connectionId: connection.id };
}

/** Removes blocks and every connection touching them. */
export function deleteBlocks(workflow: Workflow, blockIds: ReadonlySet<string>): Workflow {
  return {
    ...workflow,
    blocks: workflow.blocks.filter((block) => !blockIds.has(block.id)),
    connections: workflow.connections.filter((connection) => !blockIds.has(connection.sourceBlockId) && !blockIds.has(connection.targetBlockId)),
  };
}

/** Removes connections by id. */
export function deleteConnections(workflow: Workflow, connectionIds: ReadonlySet<string>): Workflow {
  return { ...workflow, connections: workflow.connections.filter((connection) => !connectionIds.has(connection.id)) };
}

function replaceTemplateRoot(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return value.replace(new RegExp(`\\{\\{(\\s*)${escaped}(?=[.\\[\\s}])`, 'g'), `{{$1${to}`);
  }
  if (Array.isArray(value)) return value.map((item) => replaceTemplateRoot(item, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceTemplateRoot(item, from, to)]));
  }
  return value;
}

/**
 * Renames a block: its normalizedId follows the name (kept unique), and `{{old-id…}}` templates in other blocks
 * are rewritten to the new id so a rename never breaks a reference.
 */
export function renameBlock(workflow: Workflow, blockId: string, name: string): Workflow {
  const block = workflow.blocks.find((candidate) => candidate.id === blockId);
  if (block === undefined || name.trim() === '') return workflow;
  const normalizedId = uniqueNormalizedId(name, normalizedIds(workflow, blockId));
  const previous = block.normalizedId;
  return {
    ...workflow,
    blocks: workflow.blocks.map((candidate) => {
      if (candidate.id === blockId) return { ...candidate, name, normalizedId };
      if (previous === normalizedId) return candidate;
      return { ...candidate, config: replaceTemplateRoot(candidate.config, previous, normalizedId) as Record<string, unknown> };
    }),
  };
}

/** What copy puts on the clipboard: the selected blocks and the connections between them. */
export interface BlockClipboard {
  blocks: Block[];
  connections: Connection[];
}

/** Copies the given blocks and the connections among them (connections to outside blocks are left behind). */
export function copyBlocks(workflow: Workflow, blockIds: ReadonlySet<string>): BlockClipboard {
  return {
    blocks: structuredClone(workflow.blocks.filter((block) => blockIds.has(block.id))),
    connections: structuredClone(workflow.connections.filter((connection) => blockIds.has(connection.sourceBlockId) && blockIds.has(connection.targetBlockId))),
  };
}

/** Offset of pasted blocks from their originals, so a paste is visibly a copy. */
export const pasteOffset = { x: 40, y: 40 } as const;

/**
 * Pastes clipboard blocks with new ids, unique names/normalizedIds and an offset (`times` offsets for the n-th
 * paste of the same clipboard); connections among them are kept, and templates among them follow the new ids.
 */
export function pasteBlocks(workflow: Workflow, clipboard: BlockClipboard, createId: IdFactory, times = 1): { workflow: Workflow; blockIds: string[] } {
  const taken = normalizedIds(workflow);
  const newIdOf = new Map<string, string>();
  const renamed = new Map<string, string>();
  const blocks = clipboard.blocks.map((block): Block => {
    const name = uniqueBlockName(block.name, taken);
    const normalizedId = uniqueNormalizedId(name, taken);
    taken.add(normalizedId);
    const id = createId('block');
    newIdOf.set(block.id, id);
    renamed.set(block.normalizedId, normalizedId);
    return { ...structuredClone(block), id, name, normalizedId, position: { x: block.position.x + pasteOffset.x * times, y: block.position.y + pasteOffset.y * times } };
  });
  // Copies read each other, not the originals: `{{fetch.body}}` in a pasted block becomes `{{fetch-2.body}}`.
  for (const block of blocks) {
    for (const [from, to] of renamed) block.config = replaceTemplateRoot(block.config, from, to) as Record<string, unknown>;
  }
  const connections = clipboard.connections.map(
    (connection): Connection => ({ ...connection, id: createId('connection'), sourceBlockId: newIdOf.get(connection.sourceBlockId)!, targetBlockId: newIdOf.get(connection.targetBlockId)! }),
  );
  return {
    workflow: { ...workflow, blocks: [...workflow.blocks, ...blocks], connections: [...workflow.connections, ...connections] },
    blockIds: blocks.map((block) => block.id),
  };
}
