import type { LucideIcon } from 'lucide-react';
import {
  ArrowRightLeft,
  Bot,
  Clock,
  Code2,
  FileOutput,
  GitBranch,
  GitMerge,
  Globe,
  Repeat,
  Send,
  SquareFunction,
  Variable,
  Workflow as WorkflowIcon,
  Wrench,
} from 'lucide-react';

/** The families blocks are grouped and coloured by in the palette and on the canvas. */
export type BlockCategory = 'input' | 'ai' | 'logic' | 'data' | 'integration' | 'output';

/** What the editor knows about one block type: how it looks, what a new one starts with, which outputs it has. */
export interface BlockTypeInfo {
  type: string;
  label: string;
  /** One short sentence for the palette. */
  description: string;
  category: BlockCategory;
  icon: LucideIcon;
  /** The name a new block of this type gets (made unique with a number). */
  defaultName: string;
  /** Config of a new block; valid enough that the block only needs its blanks filled. */
  defaultConfig: () => Record<string, unknown>;
}

/** Every block type the engine runs (engine README table), in palette order. */
export const blockCatalog: readonly BlockTypeInfo[] = [
  { type: 'variable', label: 'Start / variable', description: 'The run input, or sets a workflow variable.', category: 'input', icon: Variable, defaultName: 'Start', defaultConfig: () => ({ operation: 'read', variableName: 'input', inputType: 'text' }) },
  { type: 'llm_inference', label: 'AI agent', description: 'A model with prompts and tools; answers in text or JSON.', category: 'ai', icon: Bot, defaultName: 'AI agent', defaultConfig: () => ({ model: '', systemPrompt: '', userPrompt: '{{input}}', enabledTools: [] }) },
  { type: 'code_block', label: 'Tool call', description: 'Calls one tool directly with mapped arguments.', category: 'integration', icon: Wrench, defaultName: 'Tool call', defaultConfig: () => ({ toolName: '', argumentMapping: {} }) },
  { type: 'condition', label: 'Condition', description: 'Branches on a JSONata expression: true or false.', category: 'logic', icon: GitBranch, defaultName: 'Condition', defaultConfig: () => ({ expression: '' }) },
  { type: 'loop', label: 'Loop', description: 'Runs its body once for each item of a list.', category: 'logic', icon: Repeat, defaultName: 'Loop', defaultConfig: () => ({ items: '{{input}}', concurrency: 1, maxIterations: 100 }) },
  { type: 'merge', label: 'Merge', description: 'Waits for all branches, or takes the first.', category: 'logic', icon: GitMerge, defaultName: 'Merge', defaultConfig: () => ({ mode: 'all' }) },
  { type: 'transform', label: 'Transform', description: 'Reshapes data with a JSONata expression.', category: 'data', icon: SquareFunction, defaultName: 'Transform', defaultConfig: () => ({ expression: 'input' }) },
  { type: 'http_request', label: 'HTTP request', description: 'Calls a web API (GET, POST…).', category: 'integration', icon: Globe, defaultName: 'HTTP request', defaultConfig: () => ({ method: 'GET', url: '', headers: {} }) },
  { type: 'code', label: 'Code', description: 'Runs Python or JavaScript in the sandbox.', category: 'data', icon: Code2, defaultName: 'Code', defaultConfig: () => ({ language: 'python', code: 'result = input' }) },
  { type: 'sub_agent', label: 'Sub-agent', description: 'Runs another of your agents.', category: 'ai', icon: WorkflowIcon, defaultName: 'Sub-agent', defaultConfig: () => ({ agentId: '', input: '{{input}}' }) },
  { type: 'delay', label: 'Delay', description: 'Waits a while before going on.', category: 'logic', icon: Clock, defaultName: 'Delay', defaultConfig: () => ({ durationMs: 1000 }) },
  { type: 'webhook', label: 'Webhook', description: 'Sends a signed request to a URL.', category: 'integration', icon: Send, defaultName: 'Webhook', defaultConfig: () => ({ url: '', method: 'POST', body: '{{input}}' }) },
  { type: 'output', label: 'Output', description: 'Names a result of the run.', category: 'output', icon: FileOutput, defaultName: 'Output', defaultConfig: () => ({ value: '{{input}}' }) },
];

const byType = new Map(blockCatalog.map((info) => [info.type, info]));

/** The catalog entry of a type; unknown types (from an older or newer server) get a neutral entry. */
export function blockTypeInfo(type: string): BlockTypeInfo {
  return (
    byType.get(type) ?? {
      type,
      label: type,
      description: 'A block type this editor does not know.',
      category: 'data',
      icon: ArrowRightLeft,
      defaultName: type,
      defaultConfig: () => ({}),
    }
  );
}
