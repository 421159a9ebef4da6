import { codeBlockBlock } from './code-block.node.js';
import { codeBlock } from './code.node.js';
import { conditionBlock } from './condition.node.js';
import type { BlockExecutor, BlockRegistry } from './define-block-executor.js';
import { delayBlock } from './delay.node.js';
import { httpRequestBlock } from './http-request.node.js';
import { llmInferenceBlock } from './llm-inference.node.js';
import { loopBlock } from './loop.node.js';
import { mergeBlock } from './merge.node.js';
import { outputBlock } from './output.node.js';
import { subAgentBlock } from './sub-agent.node.js';
import { transformBlock } from './transform.node.js';
import { variableBlock } from './variable.node.js';
import { webhookBlock } from './webhook.node.js';

const executors = [
  variableBlock,
  llmInferenceBlock,
  codeBlockBlock,
  conditionBlock,
  loopBlock,
  mergeBlock,
  transformBlock,
  httpRequestBlock,
  codeBlock,
  subAgentBlock,
  delayBlock,
  webhookBlock,
  outputBlock,
] as BlockExecutor<unknown>[];

/** Every block type the engine runs, by type. */
export const builtInBlocks: BlockRegistry = new Map(executors.map((executor) => [executor.type, executor]));

/** The names of the built-in block types (for the server's validation and the builder's palette). */
export const builtInBlockTypes: readonly string[] = executors.map((executor) => executor.type);
