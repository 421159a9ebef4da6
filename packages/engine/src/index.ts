/** The workflow engine (issue 6): graph validation, templates, expressions and the parallel runner. */
export const engineVersion = 1;

export * from './workflow.schema.js';
export { EngineError, isTransientError, toEngineError, type RecordedError } from './errors.js';
export * from './ports.js';
export { validateWorkflow, type ValidateOptions, type WorkflowIssue } from './validate/validate-workflow.js';
export { createEngine, type Engine, type EngineOptions } from './run/create-engine.js';
export type { PreparedWorkflow } from './run/prepare-workflow.js';
export type { BlockRecord, BlockStatus, RetryRecord, RunLifecycleHooks, RunOptions, RunResult, RunStatus } from './run/run-types.js';
export { builtInBlocks, builtInBlockTypes } from './blocks/built-in-blocks.js';
export { defineBlockExecutor, type BlockContext, type BlockExecutor, type BlockOutcome, type BlockRegistry, type RunInfo } from './blocks/define-block-executor.js';
export { compileTemplate, renderTemplate, resolvePath, parsePath } from './template/template.js';
export { compileExpression } from './expression/expression.js';
export { detectCycles } from './graph/detect-cycles.js';
export { findStartBlocks } from './graph/find-start-blocks.js';
export { checkJsonSchema } from './llm/json-schema.js';
