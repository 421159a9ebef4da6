import type { GenerationProblem } from '@claraverse/shared';
import { z } from 'zod';

/**
 * The mechanical repairs of a workflow a model wrote (reference §3.7 "validate what the model returns"): each fix
 * is recorded as a sentence in `repairs`; what cannot be fixed mechanically is a `problem` (with its block id)
 * for the model's repair round. Pure: no I/O.
 */

const looseRecord = z.record(z.string(), z.unknown());
const modelBlockSchema = z.looseObject({
  id: z.unknown().optional(),
  normalizedId: z.unknown().optional(),
  type: z.string().trim().min(1, { message: 'every block needs a type' }),
  name: z.unknown().optional(),
  config: looseRecord.optional(),
  position: z.object({ x: z.number(), y: z.number() }).optional().catch(undefined),
});
const modelConnectionSchema = z.looseObject({
  id: z.unknown().optional(),
  sourceBlockId: z.unknown().optional(),
  targetBlockId: z.unknown().optional(),
  source: z.unknown().optional(),
  target: z.unknown().optional(),
});
/** The document shape a model must return: blocks are objects with a type; the rest is repaired. */
export const modelWorkflowSchema = z.object({
  blocks: z.array(modelBlockSchema).min(1, { message: 'the workflow has no blocks' }).max(500),
  connections: z.array(modelConnectionSchema).max(2_000).default([]),
  variables: z.array(looseRecord).max(200).default([]),
});

export interface RepairedWorkflow {
  workflow: { blocks: Record<string, unknown>[]; connections: Record<string, unknown>[]; variables: Record<string, unknown>[] };
  repairs: string[];
  problems: GenerationProblem[];
}

/** kebab-case of a name: `News Researcher!` → `news-researcher` (template roots). */
export function toNormalizedId(name: string): string {
  const kebab = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return kebab === '' ? 'block' : kebab.slice(0, 80);
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const typeLabels: Record<string, string> = { llm_inference: 'LLM', code_block: 'Tool', variable: 'Variable', http_request: 'HTTP request', sub_agent: 'Sub-agent' };

const capitalize = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

function unique(base: string, taken: Set<string>, separator: string): string {
  let candidate = base;
  for (let counter = 2; taken.has(candidate); counter += 1) candidate = `${base}${separator}${counter}`;
  taken.add(candidate);
  return candidate;
}

/** Ids, names and normalizedIds present and unique (later duplicates renamed); returns the blocks and a lookup. */
function repairBlocks(input: z.infer<typeof modelBlockSchema>[], repairs: string[]) {
  const ids = new Set<string>();
  const names = new Set<string>();
  const normalizedIds = new Set<string>();
  /** What a connection may name a block by: its id, normalizedId or name (first block wins). */
  const lookup = new Map<string, string>();
  const blocks = input.map((raw, index) => {
    const label = text(raw.name) || `${typeLabels[raw.type] ?? capitalize(raw.type.replaceAll('_', ' '))} ${index + 1}`;
    let name = label;
    if (!text(raw.name)) repairs.push(`Named the unnamed ${raw.type} block "${label}".`);
    if (names.has(name.toLowerCase())) {
      for (let counter = 2; names.has(name.toLowerCase()); counter += 1) name = `${label} ${counter}`;
      repairs.push(`Renamed the second block called "${label}" to "${name}".`);
    }
    names.add(name.toLowerCase());
    const givenNormalized = text(raw.normalizedId);
    let normalizedId: string;
    if (givenNormalized !== '' && /^[\w-]{1,200}$/.test(givenNormalized) && !normalizedIds.has(givenNormalized)) {
      normalizedId = givenNormalized;
      normalizedIds.add(normalizedId);
    } else {
      normalizedId = unique(toNormalizedId(name), normalizedIds, '-');
      repairs.push(givenNormalized === '' ? `Gave block "${name}" the normalizedId "${normalizedId}".` : `Changed the invalid or duplicate normalizedId "${givenNormalized}" of block "${name}" to "${normalizedId}".`);
    }
    const givenId = text(raw.id);
    let id: string;
    if (givenId !== '' && givenId.length <= 200 && !ids.has(givenId)) {
      id = givenId;
      ids.add(id);
    } else {
      id = unique(normalizedId, ids, '-');
      repairs.push(givenId === '' ? `Gave block "${name}" the id "${id}".` : `Gave block "${name}" the id "${id}" (its id "${givenId}" was taken).`);
    }
    for (const key of [givenId, id, normalizedId, givenNormalized, name]) if (key !== '' && !lookup.has(key)) lookup.set(key, id);
    const { id: _id, normalizedId: _normalizedId, name: _name, source: _source, target: _target, ...rest } = raw;
    return { ...rest, id, normalizedId, name, config: raw.config ?? {} } as Record<string, unknown> & { id: string; type: string; config: Record<string, unknown> };
  });
  return { blocks, lookup };
}

/** Connections with ids whose ends are blocks (named by id, normalizedId or name); dangling ones dropped. */
function repairConnections(input: z.infer<typeof modelConnectionSchema>[], lookup: Map<string, string>, repairs: string[]) {
  const ids = new Set<string>();
  const connections: Record<string, unknown>[] = [];
  for (const raw of input) {
    const sourceName = text(raw.sourceBlockId) || text(raw.source);
    const targetName = text(raw.targetBlockId) || text(raw.target);
    const source = lookup.get(sourceName);
    const target = lookup.get(targetName);
    if (!source || !target) {
      repairs.push(`Dropped the connection from "${sourceName || '?'}" to "${targetName || '?'}": ${!source ? `"${sourceName || '?'}"` : `"${targetName || '?'}"`} is not a block.`);
      continue;
    }
    if (sourceName !== source || targetName !== target) {
      repairs.push(`Pointed the connection "${sourceName}" → "${targetName}" at the blocks' ids.`);
    }
    const givenId = text(raw.id);
    const id = givenId !== '' && !ids.has(givenId) ? (ids.add(givenId), givenId) : unique(`conn-${connections.length + 1}`, ids, '-');
    const { source: _source, target: _target, ...rest } = raw;
    connections.push({ ...rest, id, sourceBlockId: source, targetBlockId: target });
  }
  return connections;
}

const isStartBlock = (block: { type: string; config: Record<string, unknown> }) =>
  block.type === 'variable' && (block.config['operation'] ?? 'read') === 'read' && block.config['variableName'] === 'input';

/** Adds a text start block feeding every block that has no input, when the workflow has none. */
function ensureStartBlock(blocks: ReturnType<typeof repairBlocks>['blocks'], connections: Record<string, unknown>[], repairs: string[]): void {
  if (blocks.some(isStartBlock)) return;
  const targets = new Set(connections.map((connection) => connection.targetBlockId as string));
  const roots = blocks.filter((block) => !targets.has(block.id));
  const ids = new Set(blocks.map((block) => block.id));
  const normalizedIds = new Set(blocks.map((block) => block.normalizedId as string));
  const id = unique('start', ids, '-');
  const normalizedId = unique('start', normalizedIds, '-');
  blocks.unshift({ id, normalizedId, type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'text' } });
  const connectionIds = new Set(connections.map((connection) => connection.id as string));
  for (const root of roots) connections.push({ id: unique(`conn-${id}-${root.id}`, connectionIds, '-'), sourceBlockId: id, targetBlockId: root.id });
  repairs.push(`Added a Start block (text input)${roots.length > 0 ? ` feeding ${roots.map((root) => `"${String(root.name)}"`).join(', ')}` : ''}.`);
}

/** Top-down layout when a block has no position: Start at (250, 50), one row per depth, 150 px apart. */
function layOut(blocks: Record<string, unknown>[], connections: Record<string, unknown>[], repairs: string[]): void {
  if (blocks.every((block) => block.position !== undefined)) return;
  const depth = new Map(blocks.map((block) => [block.id as string, 0]));
  // Longest path from a root; at most `blocks.length` passes so a cycle cannot loop forever.
  for (let pass = 0; pass < blocks.length; pass += 1) {
    let changed = false;
    for (const connection of connections) {
      const next = (depth.get(connection.sourceBlockId as string) ?? 0) + 1;
      if (next > (depth.get(connection.targetBlockId as string) ?? 0) && next <= blocks.length) {
        depth.set(connection.targetBlockId as string, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rows = new Map<number, Record<string, unknown>[]>();
  for (const block of blocks) {
    const row = depth.get(block.id as string) ?? 0;
    rows.set(row, [...(rows.get(row) ?? []), block]);
  }
  for (const [row, members] of rows) {
    members.forEach((block, index) => {
      block.position = { x: 250 + Math.round((index - (members.length - 1) / 2) * 300), y: 50 + row * 150 };
    });
  }
  repairs.push('Laid the blocks out top-down.');
}

/** Tools a block names that do not exist: dropped from `enabledTools`/`requiredTools`; an unknown `toolName` is a problem. */
function repairTools(blocks: ReturnType<typeof repairBlocks>['blocks'], knownTools: ReadonlySet<string>, repairs: string[], problems: GenerationProblem[]): void {
  for (const block of blocks) {
    if (block.type === 'llm_inference') {
      for (const key of ['enabledTools', 'requiredTools']) {
        const listed = block.config[key];
        if (!Array.isArray(listed)) continue;
        const kept = listed.filter((name): name is string => typeof name === 'string' && knownTools.has(name));
        const dropped = listed.filter((name) => !kept.includes(name as string));
        if (dropped.length > 0) {
          block.config = { ...block.config, [key]: kept };
          repairs.push(`Removed the unknown tool(s) ${dropped.map((name) => `"${String(name)}"`).join(', ')} from ${key} of block "${String(block.name)}".`);
        }
      }
    }
    if (block.type === 'code_block') {
      const toolName = block.config['toolName'];
      if (typeof toolName !== 'string' || !knownTools.has(toolName)) {
        problems.push({ blockId: block.id, message: `Block "${String(block.name)}" calls the tool "${String(toolName)}", which does not exist; use one of the available tools or an llm_inference block.` });
      }
    }
  }
}

/**
 * Repairs what a model returned as a workflow (see the file comment). `knownTools` are the tool names that exist
 * for the user. Shape errors that leave nothing to repair come back as problems with an empty workflow.
 */
export function repairWorkflow(candidate: unknown, knownTools: ReadonlySet<string>): RepairedWorkflow {
  const repairs: string[] = [];
  const problems: GenerationProblem[] = [];
  const parsed = modelWorkflowSchema.safeParse(candidate);
  if (!parsed.success) {
    const found = parsed.error.issues.slice(0, 20).map((issue) => ({ message: `${issue.path.join('.') || 'workflow'}: ${issue.message}` }));
    return { workflow: { blocks: [], connections: [], variables: [] }, repairs, problems: found };
  }
  const { blocks, lookup } = repairBlocks(parsed.data.blocks, repairs);
  const connections = repairConnections(parsed.data.connections, lookup, repairs);
  ensureStartBlock(blocks, connections, repairs);
  repairTools(blocks, knownTools, repairs, problems);
  layOut(blocks, connections, repairs);
  return { workflow: { blocks, connections, variables: parsed.data.variables }, repairs, problems };
}
