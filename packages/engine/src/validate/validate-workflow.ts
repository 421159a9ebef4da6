import type { BlockExecutor } from '../blocks/define-block-executor.js';
import { assignLoopOwners, LOOP_BODY_OUTPUT } from '../graph/assign-loop-owners.js';
import { detectCycles } from '../graph/detect-cycles.js';
import { collectTemplatePaths } from '../template/template.js';
import { workflowSchema, type Workflow } from '../workflow.schema.js';

/** One problem found in a workflow, with the blocks (and connection) it concerns, for a 400 answer. */
export interface WorkflowIssue {
  code:
    | 'TOO_MANY_BLOCKS'
    | 'INVALID_SHAPE'
    | 'DUPLICATE_BLOCK_ID'
    | 'UNKNOWN_BLOCK_TYPE'
    | 'DANGLING_CONNECTION'
    | 'CYCLE'
    | 'NO_START_BLOCK'
    | 'INVALID_CONFIG'
    | 'UNKNOWN_TEMPLATE_REFERENCE'
    | 'LOOP_BODY_ENTERED_FROM_OUTSIDE'
    | 'UNKNOWN_OUTPUT_PORT';
  message: string;
  blockIds: string[];
  connectionId?: string;
  path?: string;
}

export interface ValidateOptions {
  /** Executors by type (config is checked too) or just the type names. */
  knownBlockTypes: ReadonlyMap<string, BlockExecutor<unknown>> | readonly string[];
  maxBlocks: number;
}

/** Template roots that are not blocks: the run input, variables, and a loop body's current item. */
const builtInRoots = new Set(['input', 'variables', 'item', 'index', 'loop']);

function shapeIssues(candidate: unknown, maxBlocks: number): { workflow?: Workflow; issues: WorkflowIssue[] } {
  const blocks = (candidate as { blocks?: unknown } | null)?.blocks;
  if (Array.isArray(blocks) && blocks.length > maxBlocks) {
    const message = `The workflow has ${blocks.length} blocks; at most ${maxBlocks} are allowed.`;
    return { issues: [{ code: 'TOO_MANY_BLOCKS', message, blockIds: [] }] };
  }
  const parsed = workflowSchema.safeParse(candidate);
  if (parsed.success) return { workflow: parsed.data, issues: [] };
  const issues = parsed.error.issues.slice(0, 50).map((issue): WorkflowIssue => {
    const [collection, position] = issue.path;
    const list = collection === 'blocks' ? blocks : undefined;
    const blockId = Array.isArray(list) && typeof position === 'number' ? (list[position] as { id?: unknown } | undefined)?.id : undefined;
    return { code: 'INVALID_SHAPE', message: `${issue.path.join('.')}: ${issue.message}`, blockIds: typeof blockId === 'string' ? [blockId] : [], path: issue.path.join('.') };
  });
  return { issues };
}

function graphIssues(workflow: Workflow, options: ValidateOptions): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const ids = new Set<string>();
  const normalizedIds = new Set<string>();
  for (const block of workflow.blocks) {
    if (ids.has(block.id)) issues.push({ code: 'DUPLICATE_BLOCK_ID', message: `Two blocks have the id "${block.id}".`, blockIds: [block.id] });
    if (normalizedIds.has(block.normalizedId)) {
      issues.push({ code: 'DUPLICATE_BLOCK_ID', message: `Two blocks have the normalizedId "${block.normalizedId}".`, blockIds: [block.id] });
    }
    ids.add(block.id);
    normalizedIds.add(block.normalizedId);
    const isKnown = Array.isArray(options.knownBlockTypes) ? options.knownBlockTypes.includes(block.type) : (options.knownBlockTypes as ReadonlyMap<string, unknown>).has(block.type);
    if (!isKnown) issues.push({ code: 'UNKNOWN_BLOCK_TYPE', message: `Block "${block.name}" has the unknown type "${block.type}".`, blockIds: [block.id] });
  }
  for (const connection of workflow.connections) {
    const missing = [connection.sourceBlockId, connection.targetBlockId].filter((id) => !ids.has(id));
    if (missing.length > 0) {
      const message = `Connection "${connection.id}" points to missing block(s): ${missing.join(', ')}.`;
      issues.push({ code: 'DANGLING_CONNECTION', message, blockIds: missing, connectionId: connection.id });
    }
  }
  const nameOf = new Map(workflow.blocks.map((block) => [block.id, block.name]));
  const cycles = detectCycles([...ids], workflow.connections);
  for (const cycle of cycles) {
    const names = cycle.map((id) => nameOf.get(id) ?? id);
    issues.push({ code: 'CYCLE', message: `These blocks form a cycle: ${names.join(' → ')} → ${names[0]}.`, blockIds: cycle });
  }
  const targets = new Set(workflow.connections.map((connection) => connection.targetBlockId));
  if (workflow.blocks.length > 0 && workflow.blocks.every((block) => targets.has(block.id)) && cycles.length === 0) {
    issues.push({ code: 'NO_START_BLOCK', message: 'Every block has an input: there is no start block.', blockIds: [] });
  }
  if (cycles.length === 0) issues.push(...loopIssues(workflow));
  return issues;
}

function loopIssues(workflow: Workflow): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const { bodyOf } = assignLoopOwners(workflow.blocks, workflow.connections);
  for (const [loopId, body] of bodyOf) {
    for (const connection of workflow.connections) {
      if (!body.has(connection.targetBlockId) || body.has(connection.sourceBlockId)) continue;
      if (connection.sourceBlockId === loopId && (connection.sourceOutput ?? 'output') === LOOP_BODY_OUTPUT) continue;
      const message = `Block "${connection.targetBlockId}" is inside loop "${loopId}"'s body but has an input from outside it ("${connection.sourceBlockId}"); read outside values with templates instead.`;
      issues.push({ code: 'LOOP_BODY_ENTERED_FROM_OUTSIDE', message, blockIds: [connection.targetBlockId, connection.sourceBlockId], connectionId: connection.id });
    }
  }
  return issues;
}

/** Configs are walked recursively (templates); deeper nesting than this is refused rather than risking the stack. */
const maxConfigDepth = 64;

/** Whether a value nests objects/arrays deeper than `limit` (iterative, so the check itself cannot overflow). */
function isTooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const item of Object.values(current)) if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
  }
  return false;
}

function configIssues(workflow: Workflow, options: ValidateOptions): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const roots = new Set(builtInRoots);
  for (const variable of workflow.variables) roots.add(variable.name);
  for (const block of workflow.blocks) {
    roots.add(block.normalizedId);
    roots.add(block.id);
  }
  const registry = Array.isArray(options.knownBlockTypes) ? undefined : (options.knownBlockTypes as ReadonlyMap<string, BlockExecutor<unknown>>);
  for (const block of workflow.blocks) {
    const executor = registry?.get(block.type);
    if (isTooDeep(block.config, maxConfigDepth)) {
      issues.push({ code: 'INVALID_CONFIG', message: `Block "${block.name}": config is nested deeper than ${maxConfigDepth} levels.`, blockIds: [block.id] });
      continue;
    }
    for (const message of executor?.validateConfig?.(block.config, block) ?? []) {
      issues.push({ code: 'INVALID_CONFIG', message: `Block "${block.name}": ${message}`, blockIds: [block.id] });
    }
    for (const placeholder of collectTemplatePaths(block.config, new Set(executor?.rawConfigKeys ?? []))) {
      const root = placeholder.segments?.[0];
      if (typeof root === 'string' && roots.has(root)) continue;
      const message = `Block "${block.name}" uses ${placeholder.raw}, which refers to no block, variable or input.`;
      issues.push({ code: 'UNKNOWN_TEMPLATE_REFERENCE', message, blockIds: [block.id] });
    }
  }
  return [...issues, ...portIssues(workflow, registry)];
}

const defaultPorts = ['output', 'error'];

/** Connections leaving from a port the block type never fires (e.g. `output` of a condition). */
function portIssues(workflow: Workflow, registry: ReadonlyMap<string, BlockExecutor<unknown>> | undefined): WorkflowIssue[] {
  if (registry === undefined) return [];
  const issues: WorkflowIssue[] = [];
  const blocks = new Map(workflow.blocks.map((block) => [block.id, block]));
  for (const connection of workflow.connections) {
    const source = blocks.get(connection.sourceBlockId);
    const executor = source === undefined ? undefined : registry.get(source.type);
    if (source === undefined || executor === undefined) continue;
    const ports = executor.outputPorts?.(source.config) ?? defaultPorts;
    const port = connection.sourceOutput ?? 'output';
    if (ports.includes(port)) continue;
    const message = `Connection "${connection.id}" leaves "${source.name}" from output "${port}", which a ${source.type} block does not have (it has: ${ports.join(', ')}).`;
    issues.push({ code: 'UNKNOWN_OUTPUT_PORT', message, blockIds: [source.id], connectionId: connection.id });
  }
  return issues;
}

/**
 * Checks a workflow before it is saved or run: size (refused before any other work), shape, duplicate ids,
 * unknown block types, dangling connections, cycles (naming their blocks), a start block, loop bodies entered
 * from outside, each block's config and templates that refer to nothing. Returns no issue when it is runnable.
 */
export function validateWorkflow(candidate: unknown, options: ValidateOptions): WorkflowIssue[] {
  return parseWorkflow(candidate, options).issues;
}

/** validateWorkflow that also returns the parsed workflow (defaults applied) when its shape is right. */
export function parseWorkflow(candidate: unknown, options: ValidateOptions): { workflow: Workflow | undefined; issues: WorkflowIssue[] } {
  const { workflow, issues } = shapeIssues(candidate, options.maxBlocks);
  if (workflow === undefined) return { workflow, issues };
  return { workflow, issues: [...graphIssues(workflow, options), ...configIssues(workflow, options)] };
}
