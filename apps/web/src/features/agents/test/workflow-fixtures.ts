import type { Block, Connection, Workflow } from '@claraverse/engine';
import type { IdFactory } from '../lib/workflow-edits';

/** Deterministic ids for tests: block-1, block-2…, connection-1… */
export function counterIds(): IdFactory {
  const counters = { block: 0, connection: 0 };
  return (kind) => {
    counters[kind] += 1;
    return `${kind}-${counters[kind]}`;
  };
}

/** A block with sensible defaults; `id` doubles as the name's basis. */
export function block(id: string, type: string, config: Record<string, unknown>, extra: Partial<Block> = {}): Block {
  return { id, normalizedId: id, type, name: id, config, position: { x: 0, y: 0 }, ...extra };
}

export function connection(id: string, sourceBlockId: string, targetBlockId: string, sourceOutput = 'output'): Connection {
  return { id, sourceBlockId, sourceOutput, targetBlockId };
}

/** start → classify (condition) → (true) happy / (false) sad: a valid workflow. */
export function branchingWorkflow(): Workflow {
  return {
    blocks: [
      block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'json' }),
      block('classify', 'condition', { expression: 'input.score > 5' }),
      block('happy', 'output', { value: 'yes {{input.score}}' }),
      block('sad', 'output', { value: 'no' }),
    ],
    connections: [connection('c1', 'start', 'classify'), connection('c2', 'classify', 'happy', 'true'), connection('c3', 'classify', 'sad', 'false')],
    variables: [],
  };
}

/** Ten blocks in a realistic agent: start, fetch, loop with a body, an LLM, a condition and outputs. */
export function tenBlockWorkflow(): Workflow {
  return {
    blocks: [
      block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'json' }, { name: 'Start' }),
      block('fetch-feed', 'http_request', { method: 'GET', url: 'https://news.example.com/feed.json', headers: {} }, { name: 'Fetch feed' }),
      block('pick-articles', 'transform', { expression: '`fetch-feed`.body.items[[0..9]]' }, { name: 'Pick articles' }),
      block('each-article', 'loop', { items: '{{pick-articles}}', concurrency: 3, maxIterations: 50 }, { name: 'Each article' }),
      block('summarize', 'llm_inference', { model: 'gpt-4.1-mini', systemPrompt: 'Summarize the article in two sentences.', userPrompt: '{{item.title}}: {{item.text}}', enabledTools: [] }, { name: 'Summarize' }),
      block('rank', 'llm_inference', { model: 'gpt-4.1', systemPrompt: 'Rank the summaries by importance.', userPrompt: '{{each-article.results}}', enabledTools: [] }, { name: 'Rank' }),
      block('is-urgent', 'condition', { expression: '$contains(rank.response, "URGENT")' }, { name: 'Is urgent' }),
      block('alert-team', 'webhook', { url: 'https://hooks.example.com/alert', method: 'POST', body: '{{rank.response}}' }, { name: 'Alert team' }),
      block('wait', 'delay', { durationMs: 2000 }, { name: 'Wait' }),
      block('digest', 'output', { value: '{{rank.response}}' }, { name: 'Digest' }),
    ],
    connections: [
      connection('c1', 'start', 'fetch-feed'),
      connection('c2', 'fetch-feed', 'pick-articles'),
      connection('c3', 'pick-articles', 'each-article'),
      connection('c4', 'each-article', 'summarize', 'body'),
      connection('c5', 'each-article', 'rank', 'done'),
      connection('c6', 'rank', 'is-urgent'),
      connection('c7', 'is-urgent', 'alert-team', 'true'),
      connection('c8', 'is-urgent', 'wait', 'false'),
      connection('c9', 'wait', 'digest'),
    ],
    variables: [],
  };
}
