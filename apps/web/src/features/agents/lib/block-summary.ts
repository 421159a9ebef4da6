import type { Block } from '@claraverse/engine';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/**
 * One line that says what a block does with its current config, shown under its name on the canvas
 * ("GET news.example.com/feed", "input.score > 5"…). Empty when there is nothing useful to say.
 */
export function blockSummary(block: Pick<Block, 'type' | 'config'>): string {
  const { config } = block;
  switch (block.type) {
    case 'variable':
      return config['operation'] === 'set' ? `set ${text(config['variableName'])}` : `input · ${text(config['inputType'] ?? 'text')}`;
    case 'llm_inference': {
      const tools = Array.isArray(config['enabledTools']) ? config['enabledTools'].length : 0;
      const model = text(config['model'] ?? config['modelId']) || 'default model';
      return tools > 0 ? `${model} · ${tools} tool${tools === 1 ? '' : 's'}` : model;
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
