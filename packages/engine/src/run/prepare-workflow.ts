import type { BlockExecutor, BlockRegistry } from '../blocks/define-block-executor.js';
import { EngineError } from '../errors.js';
import { assignLoopOwners, LOOP_BODY_OUTPUT } from '../graph/assign-loop-owners.js';
import { compileValue, type CompiledValue } from '../template/template.js';
import { parseWorkflow } from '../validate/validate-workflow.js';
import type { Block, ErrorPolicy, Workflow } from '../workflow.schema.js';
import { DEFAULT_OUTPUT } from '../workflow.schema.js';
import { resolveRetryPolicy, type ResolvedRetryPolicy } from './retry.js';

/** A connection between two blocks of the same level. */
export interface PreparedConnection {
  /** Index among the level's connections (state arrays are indexed by it). */
  index: number;
  port: string;
  source: PreparedBlock;
  target: PreparedBlock;
}

/** A block with everything compiled: its executor, config renderer, limits and its place in its level. */
export interface PreparedBlock {
  block: Block;
  /** Index among its level's blocks. */
  index: number;
  executor: BlockExecutor<unknown>;
  prepared: unknown;
  renderConfig: CompiledValue | undefined;
  timeoutMs: number;
  retry: ResolvedRetryPolicy;
  onError: ErrorPolicy;
  isMergeFirst: boolean;
  isMerge: boolean;
  incoming: PreparedConnection[];
  outgoing: PreparedConnection[];
  /** Loops only: the blocks run per item. */
  body: PreparedLevel | undefined;
}

/** A set of blocks scheduled together: the top level, or one loop's body. */
export interface PreparedLevel {
  blocks: PreparedBlock[];
  starts: PreparedBlock[];
  connectionCount: number;
  /** Blocks with no outgoing connection in the level (a loop body's result comes from them). */
  terminals: PreparedBlock[];
  /** Number of incoming connections per block index (copied per level run). */
  incomingCounts: number[];
}

export interface PreparedWorkflow {
  workflow: Workflow;
  root: PreparedLevel;
  /** Top-level `output` blocks, in workflow order. */
  outputBlocks: PreparedBlock[];
  variableDefaults: Record<string, unknown>;
  /** `workflowModelId` of the start block, when set. */
  modelOverride: string | undefined;
}

export interface PrepareOptions {
  registry: BlockRegistry;
  maxBlocks: number;
  defaultTimeoutSeconds: number;
  defaultErrorPolicy: ErrorPolicy;
}

function prepareBlock(block: Block, executor: BlockExecutor<unknown>, options: PrepareOptions): PreparedBlock {
  const requested = block.timeoutSeconds ?? executor.defaultTimeoutSeconds ?? options.defaultTimeoutSeconds;
  const timeoutSeconds = Math.max(requested, executor.minTimeoutSeconds ?? 0);
  const mode = block.config['mode'];
  return {
    block,
    index: 0,
    executor,
    prepared: executor.prepare?.(block),
    renderConfig: compileValue(block.config, new Set(executor.rawConfigKeys ?? [])),
    timeoutMs: timeoutSeconds * 1_000,
    retry: resolveRetryPolicy(block.retry),
    onError: block.onError ?? options.defaultErrorPolicy,
    isMerge: block.type === 'merge',
    isMergeFirst: block.type === 'merge' && mode === 'first',
    incoming: [],
    outgoing: [],
    body: undefined,
  };
}

function buildLevel(members: PreparedBlock[], workflow: Workflow, byId: Map<string, PreparedBlock>, levelOf: Map<string, string>): PreparedLevel {
  members.forEach((member, index) => {
    member.index = index;
  });
  const memberIds = new Set(members.map((member) => member.block.id));
  let connectionCount = 0;
  for (const connection of workflow.connections) {
    if (!memberIds.has(connection.sourceBlockId) || !memberIds.has(connection.targetBlockId)) continue;
    const port = connection.sourceOutput ?? DEFAULT_OUTPUT;
    const source = byId.get(connection.sourceBlockId)!;
    if (source.block.type === 'loop' && port === LOOP_BODY_OUTPUT) continue;
    if (levelOf.get(connection.sourceBlockId) !== levelOf.get(connection.targetBlockId)) continue;
    const prepared: PreparedConnection = { index: connectionCount, port, source, target: byId.get(connection.targetBlockId)! };
    connectionCount += 1;
    source.outgoing.push(prepared);
    prepared.target.incoming.push(prepared);
  }
  return {
    blocks: members,
    starts: members.filter((member) => member.incoming.length === 0),
    connectionCount,
    terminals: members.filter((member) => member.outgoing.length === 0),
    incomingCounts: members.map((member) => member.incoming.length),
  };
}

/**
 * Validates and compiles a workflow once: executors looked up, templates and expressions compiled, timeouts and
 * policies resolved, and the graph split into levels (top level and loop bodies) with indexed connections.
 * Throws EngineError `WORKFLOW_INVALID` with the issues in `details.issues`.
 */
export function prepareWorkflow(candidate: Workflow, options: PrepareOptions): PreparedWorkflow {
  // The parsed copy (defaults applied) is what runs, so a workflow read from storage needs no prior parse.
  const { workflow, issues } = parseWorkflow(candidate, { knownBlockTypes: options.registry, maxBlocks: options.maxBlocks });
  if (workflow === undefined || issues.length > 0) {
    throw new EngineError('WORKFLOW_INVALID', `The workflow is invalid: ${issues[0]!.message}`, { details: { issues } });
  }
  const byId = new Map<string, PreparedBlock>();
  for (const block of workflow.blocks) byId.set(block.id, prepareBlock(block, options.registry.get(block.type)!, options));
  const { ownerOf } = assignLoopOwners(workflow.blocks, workflow.connections);
  const levelOf = new Map<string, string>();
  const membersOf = new Map<string, PreparedBlock[]>([['', []]]);
  for (const block of workflow.blocks) {
    const owner = ownerOf.get(block.id) ?? '';
    levelOf.set(block.id, owner);
    const list = membersOf.get(owner);
    if (list === undefined) membersOf.set(owner, [byId.get(block.id)!]);
    else list.push(byId.get(block.id)!);
  }
  for (const prepared of byId.values()) {
    if (prepared.block.type === 'loop') prepared.body = buildLevel(membersOf.get(prepared.block.id) ?? [], workflow, byId, levelOf);
  }
  const root = buildLevel(membersOf.get('')!, workflow, byId, levelOf);
  const variableDefaults: Record<string, unknown> = {};
  for (const variable of workflow.variables) variableDefaults[variable.name] = variable.defaultValue;
  const modelOverride = root.starts.map((start) => start.block.config['workflowModelId']).find((model): model is string => typeof model === 'string' && model !== '');
  return {
    workflow,
    modelOverride,
    root,
    outputBlocks: root.blocks.filter((member) => member.block.type === 'output'),
    variableDefaults,
  };
}
