import { builtInBlocks } from '../blocks/built-in-blocks.js';
import type { BlockRegistry } from '../blocks/define-block-executor.js';
import { toEngineError, type EngineError } from '../errors.js';
import { coerceStartInput } from '../blocks/variable.node.js';
import type { EnginePorts } from '../ports.js';
import { validateWorkflow, type WorkflowIssue } from '../validate/validate-workflow.js';
import type { ErrorPolicy, Workflow } from '../workflow.schema.js';
import { prepareWorkflow, type PreparedWorkflow } from './prepare-workflow.js';
import type { RunOptions, RunResult } from './run-types.js';
import { runWorkflow } from './run-workflow.js';

export interface EngineOptions {
  ports: EnginePorts;
  /** Executors by block type; the built-in blocks by default. */
  registry?: BlockRegistry;
  /** Blocks doing I/O at the same time in one run (default 8). */
  maxConcurrency?: number;
  /** Larger workflows are refused by validation (default 1,000). */
  maxBlocks?: number;
  /** Hard cap on a loop's items; a longer list fails the loop without running it (default 10,000). */
  maxLoopIterations?: number;
  /** Hard cap on a loop's parallel iterations (default 10). */
  maxLoopConcurrency?: number;
  /** Sub-agent nesting limit (default 3). */
  maxAgentDepth?: number;
  /** Block timeout when the block and its type give none (default 30 s, reference §3.3). */
  defaultTimeoutSeconds?: number;
  /** What a failing block without `onError` does (default `continue`: other branches go on, as in the reference). */
  defaultErrorPolicy?: ErrorPolicy;
}

/** A configured engine: validate, prepare (compile once, cached per workflow object) and run workflows. */
export interface Engine {
  validate(workflow: unknown): WorkflowIssue[];
  /**
   * Validates and compiles once. Cached per workflow object, and per `cacheKey` when given (e.g.
   * `<workflowId>:<version>`), so a server that loads the workflow from its database on each run compiles it once.
   */
  prepare(workflow: Workflow, cacheKey?: string): PreparedWorkflow;
  /**
   * Runs a workflow (preparing it if needed; an invalid one throws EngineError `WORKFLOW_INVALID`). Resolves when
   * every block has ended; never rejects for block failures (they are in the result), only if a run hook throws.
   */
  run(workflow: Workflow | PreparedWorkflow, options: RunOptions): Promise<RunResult>;
  /**
   * Checks a run input against the start block(s) before a run is queued (so a trigger can answer 400):
   * undefined when fine, else the EngineError `INPUT_INVALID` the start block would fail with.
   */
  checkInput(workflow: Workflow | PreparedWorkflow, input: unknown): EngineError | undefined;
}

function isPrepared(value: Workflow | PreparedWorkflow): value is PreparedWorkflow {
  return (value as PreparedWorkflow).root !== undefined;
}

/** Creates an engine bound to its ports and limits. */
export function createEngine(options: EngineOptions): Engine {
  const registry = options.registry ?? builtInBlocks;
  const maxBlocks = options.maxBlocks ?? 1_000;
  const cache = new WeakMap<Workflow, PreparedWorkflow>();
  const prepareOptions = {
    registry,
    maxBlocks,
    defaultTimeoutSeconds: options.defaultTimeoutSeconds ?? 30,
    defaultErrorPolicy: options.defaultErrorPolicy ?? 'continue',
  };

  const keyed = new Map<string, PreparedWorkflow>();
  const prepare = (workflow: Workflow, cacheKey?: string): PreparedWorkflow => {
    let prepared = cacheKey === undefined ? cache.get(workflow) : keyed.get(cacheKey);
    if (prepared !== undefined) return prepared;
    prepared = prepareWorkflow(workflow, prepareOptions);
    cache.set(workflow, prepared);
    if (cacheKey !== undefined) {
      if (keyed.size >= 500) keyed.delete(keyed.keys().next().value as string);
      keyed.set(cacheKey, prepared);
    }
    return prepared;
  };

  const run = async (workflow: Workflow | PreparedWorkflow, runOptions: RunOptions): Promise<RunResult> =>
    runWorkflow(isPrepared(workflow) ? workflow : prepare(workflow), options, runOptions);

  const checkInput = (workflow: Workflow | PreparedWorkflow, input: unknown): EngineError | undefined => {
    const prepared = isPrepared(workflow) ? workflow : prepare(workflow);
    for (const start of prepared.root.starts) {
      const { config } = start.block;
      if (start.block.type !== 'variable' || (config['operation'] ?? 'read') !== 'read' || config['variableName'] !== 'input') continue;
      try {
        coerceStartInput(config, input);
      } catch (error) {
        return toEngineError(error, 'INPUT_INVALID');
      }
    }
    return undefined;
  };

  return { validate: (workflow) => validateWorkflow(workflow, { knownBlockTypes: registry, maxBlocks }), prepare, run, checkInput };
}
