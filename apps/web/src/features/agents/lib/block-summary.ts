import type { Block } from '@claraverse/engine';
import type { UserModel } from '@claraverse/shared';

/** What naming a model needs from the user's models (`GET /api/models`). */
export type ModelName = Pick<UserModel, 'id' | 'name' | 'displayName' | 'providerName'>;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** The model an LLM block names (`model`, or `modelId` in older workflows); undefined runs on the default model. */
export function blockModelId(config: Block['config']): string | undefined {
  const value = config['model'] ?? config['modelId'];
  if (value === undefined || value === null) return undefined;
  const id = text(value).trim();
  return id === '' ? undefined : id;
}

/**
 * How the canvas names an LLM block's model: "default model" when none is set; its display name and provider
 * when it is among the user's models (by instance id, or by name as the model picker matches it); "unknown model"
 * when it is not.
 */
export function modelLabel(modelId: string | undefined, models: readonly ModelName[]): string {
  if (modelId === undefined) return 'default model';
  const model = findModel(modelId, models);
  return model === undefined ? 'unknown model' : `${model.displayName} · ${model.providerName}`;
}

/** The user's model a block names, by instance id or by name (as the model picker matches it). */
export function findModel<T extends ModelName>(modelId: string, models: readonly T[]): T | undefined {
  return models.find((candidate) => candidate.id === modelId || candidate.name === modelId);
}

/** "3 tools" for an LLM block with tools enabled, or empty. */
export function llmToolsNote(config: Block['config']): string {
  const tools = Array.isArray(config['enabledTools']) ? config['enabledTools'].length : 0;
  return tools === 0 ? '' : `${tools} tool${tools === 1 ? '' : 's'}`;
}

export interface BlockSummaryOptions {
  /** How to name an LLM block's model (see modelLabel); its stored id when not given. */
  model?: string | undefined;
}

/**
 * One line that says what a block does with its current config, shown under its name on the canvas
 * ("GET news.example.com/feed", "input.score > 5"…). Empty when there is nothing useful to say.
 */
export function blockSummary(block: Pick<Block, 'type' | 'config'>, { model }: BlockSummaryOptions = {}): string {
  const { config } = block;
  switch (block.type) {
    case 'variable':
      return config['operation'] === 'set' ? `set ${text(config['variableName'])}` : `input · ${text(config['inputType'] ?? 'text')}`;
    case 'llm_inference': {
      const name = model ?? blockModelId(config) ?? 'default model';
      const tools = llmToolsNote(config);
      return tools === '' ? name : `${name} · ${tools}`;
    }
    case 'code_block':
      return text(config['toolName']);
    case 'condition':
    case 'transform':
      return text(config['expression']);
    case 'loop':
      return `${text(config['items'] ?? config['itemsExpression'])} · ×${text(config['concurrency'] ?? 1)}`;
    case 'merge':
      return config['mode'] === 'first' ? 'first to arrive' : 'wait for all';
    case 'http_request':
    case 'webhook':
      return `${text(config['method'] ?? (block.type === 'webhook' ? 'POST' : 'GET'))} ${text(config['url']).replace(/^https?:\/\//, '')}`.trim();
    case 'code':
      return text(config['language']);
    case 'sub_agent':
      return text(config['agentId']);
    case 'delay': {
      const ms = Number(config['durationMs']);
      return Number.isFinite(ms) ? (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`) : text(config['durationMs']);
    }
    case 'output':
      return text(config['value']);
    default:
      return '';
  }
}
