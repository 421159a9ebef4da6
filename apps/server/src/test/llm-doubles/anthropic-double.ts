import { cutConnection, startDoubleServer, type DoubleExchange, type DoubleServer } from './double-server.js';
import {
  ScenarioBook, countPromptTokens, replyReasoningChunks, replyTextChunks,
  type DoubleScenario, type ReplyScenario, type StatusScenario,
} from './scenarios.js';
import { sendJson, sleep, splitIntoPieces, startSse, writeSseEvent } from './sse.js';

/**
 * A local double of Anthropic's Messages API (`/v1/models` with `has_more`/`after_id` paging, `/v1/messages`
 * streamed and not). Streams follow the documented event sequence: `message_start`, per block
 * `content_block_start` → `content_block_delta` (`thinking_delta` + `signature_delta`, `text_delta`,
 * `input_json_delta`) → `content_block_stop`, then `message_delta` (stop_reason, usage) and `message_stop`.
 */

export interface AnthropicDoubleOptions {
  /** Expected `x-api-key`. Default `test-key`. */
  apiKey?: string;
  models?: string[];
  /** Default page size of `/v1/models` when the request has no `limit` (Anthropic's is 20). */
  pageSize?: number;
  scenario?: DoubleScenario;
  scenarios?: Record<string, DoubleScenario>;
}

export interface AnthropicDouble extends DoubleServer {
  /** `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  setScenario(scenario: DoubleScenario, model?: string): void;
}

interface MessagesBody {
  model?: string;
  stream?: boolean;
  tools?: unknown[];
  messages?: unknown;
  system?: unknown;
}

type ContentBlock =
  | { type: 'thinking'; pieces: string[] }
  | { type: 'text'; pieces: string[] }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

function errorBody(type: string, message: string): unknown {
  return { type: 'error', error: { type, message } };
}

function statusError(scenario: StatusScenario): unknown {
  if (scenario.body !== undefined) return scenario.body;
  const byStatus: Record<number, [string, string]> = {
    400: ['invalid_request_error', 'Invalid request.'],
    401: ['authentication_error', 'invalid x-api-key'],
    403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
    404: ['not_found_error', 'model: not found'],
    413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
    429: ['rate_limit_error', 'Number of requests has exceeded your rate limit.'],
    529: ['overloaded_error', 'Overloaded'],
  };
  const [type, message] = byStatus[scenario.status] ?? ['api_error', 'Internal server error'];
  return errorBody(type, scenario.message ?? message);
}

function blocksOf(scenario: ReplyScenario): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  const reasoning = replyReasoningChunks(scenario);
  if (reasoning.length > 0) blocks.push({ type: 'thinking', pieces: reasoning });
  const text = replyTextChunks(scenario);
  if (text.length > 0) blocks.push({ type: 'text', pieces: text });
  (scenario.toolCalls ?? []).forEach((call, index) => {
    blocks.push({ type: 'tool_use', id: call.id ?? `toolu_${index + 1}`, name: call.name, input: call.arguments });
  });
  return blocks;
}

function stopReasonOf(scenario: ReplyScenario): string {
  return scenario.finishReason ?? ((scenario.toolCalls?.length ?? 0) > 0 ? 'tool_use' : 'end_turn');
}

function usageOf(body: MessagesBody, scenario: ReplyScenario): { input_tokens: number; output_tokens: number } {
  const output = replyTextChunks({ ...scenario, chunkSize: 1 }).length + replyReasoningChunks({ ...scenario, chunkSize: 1 }).length;
  return { input_tokens: countPromptTokens([body.system, body.messages]), output_tokens: output + (scenario.toolCalls?.length ?? 0) * 10 };
}

function messageJson(body: MessagesBody, scenario: ReplyScenario): unknown {
  const content = blocksOf(scenario).map((block) => {
    if (block.type === 'thinking') return { type: 'thinking', thinking: block.pieces.join(''), signature: 'sig-double' };
    if (block.type === 'text') return { type: 'text', text: block.pieces.join('') };
    return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
  });
  return {
    id: 'msg_double', type: 'message', role: 'assistant', model: body.model ?? 'unknown', content,
    stop_reason: stopReasonOf(scenario), stop_sequence: null, usage: usageOf(body, scenario),
  };
}

/** The `content_block_start` payload and the deltas of one block. */
function blockEvents(block: ContentBlock): { start: unknown; deltas: unknown[] } {
  if (block.type === 'thinking') {
    const deltas: unknown[] = block.pieces.map((thinking) => ({ type: 'thinking_delta', thinking }));
    deltas.push({ type: 'signature_delta', signature: 'sig-double' });
    return { start: { type: 'thinking', thinking: '', signature: '' }, deltas };
  }
  if (block.type === 'text') return { start: { type: 'text', text: '' }, deltas: block.pieces.map((text) => ({ type: 'text_delta', text })) };
  const json = splitIntoPieces(JSON.stringify(block.input), 3);
  return { start: { type: 'tool_use', id: block.id, name: block.name, input: {} }, deltas: json.map((partial) => ({ type: 'input_json_delta', partial_json: partial })) };
}

async function streamMessage(exchange: DoubleExchange, body: MessagesBody, scenario: ReplyScenario, cutAfter?: number): Promise<void> {
  const { response } = exchange;
  const usage = usageOf(body, scenario);
  startSse(response);
  writeSseEvent(response, 'message_start', {
    type: 'message_start',
    message: { id: 'msg_double', type: 'message', role: 'assistant', model: body.model ?? 'unknown', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input_tokens, output_tokens: 1 } },
  });
  writeSseEvent(response, 'ping', { type: 'ping' });
  let textSent = 0;
  for (const [index, block] of blocksOf(scenario).entries()) {
    const { start, deltas } = blockEvents(block);
    writeSseEvent(response, 'content_block_start', { type: 'content_block_start', index, content_block: start });
    for (const delta of deltas) {
      if (cutAfter !== undefined && textSent >= cutAfter) return cutConnection(exchange);
      if (!writeSseEvent(response, 'content_block_delta', { type: 'content_block_delta', index, delta })) return;
      if (block.type === 'text') textSent += 1;
      await sleep(scenario.tokenDelayMs ?? 0);
    }
    writeSseEvent(response, 'content_block_stop', { type: 'content_block_stop', index });
  }
  if (cutAfter !== undefined) return cutConnection(exchange);
  writeSseEvent(response, 'message_delta', { type: 'message_delta', delta: { stop_reason: stopReasonOf(scenario), stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
  writeSseEvent(response, 'message_stop', { type: 'message_stop' });
  response.end();
}

async function answerReply(exchange: DoubleExchange, body: MessagesBody, scenario: ReplyScenario): Promise<void> {
  if (body.stream === true) return streamMessage(exchange, body, scenario);
  await sleep(scenario.tokenDelayMs ?? 0);
  sendJson(exchange.response, 200, messageJson(body, scenario));
}

async function answerMessages(exchange: DoubleExchange, book: ScenarioBook): Promise<void> {
  const body = (exchange.recorded.body ?? {}) as MessagesBody;
  const scenario = book.resolve(body.model, body);
  switch (scenario.kind) {
    case 'status': {
      const headers: Record<string, string> = scenario.retryAfterSeconds === undefined ? {} : { 'retry-after': String(scenario.retryAfterSeconds) };
      return sendJson(exchange.response, scenario.status, statusError(scenario), headers);
    }
    case 'hang':
      if (body.stream === true) startSse(exchange.response);
      else exchange.response.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
      return;
    case 'cut':
      if (body.stream !== true) return cutConnection(exchange);
      return streamMessage(exchange, body, { kind: 'reply', wordCount: scenario.afterTokens + 20 }, scenario.afterTokens);
    case 'tools-unsupported':
      if ((body.tools?.length ?? 0) > 0) {
        return sendJson(exchange.response, 400, errorBody('invalid_request_error', scenario.message ?? 'tools: tools is not supported for this model'));
      }
      return answerReply(exchange, body, scenario.then ?? { kind: 'reply', text: 'No tools needed.' });
    case 'reply':
      return answerReply(exchange, body, scenario);
  }
}

function listModels(exchange: DoubleExchange, models: string[], pageSize: number): void {
  const { query } = exchange.recorded;
  const limit = query.limit === undefined ? pageSize : Number(query.limit);
  const start = query.after_id === undefined ? 0 : models.indexOf(query.after_id) + 1;
  const page = models.slice(start, start + limit);
  sendJson(exchange.response, 200, {
    data: page.map((id, index) => ({ type: 'model', id, display_name: `Claude ${id}`, created_at: new Date(Date.UTC(2025, 0, 1 + index)).toISOString() })),
    has_more: start + limit < models.length,
    first_id: page[0] ?? null,
    last_id: page.at(-1) ?? null,
  });
}

/** Starts the Anthropic double on 127.0.0.1 (port 0). Checks `x-api-key` and requires `anthropic-version`. */
export async function startAnthropicDouble(options: AnthropicDoubleOptions = {}): Promise<AnthropicDouble> {
  const book = new ScenarioBook(options.scenario, options.scenarios);
  const apiKey = options.apiKey ?? 'test-key';
  const models = options.models ?? ['claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5'];
  const server = await startDoubleServer(async (exchange) => {
    const { recorded, response } = exchange;
    if (recorded.headers['x-api-key'] !== apiKey) return sendJson(response, 401, errorBody('authentication_error', 'invalid x-api-key'));
    if (recorded.headers['anthropic-version'] === undefined) {
      return sendJson(response, 400, errorBody('invalid_request_error', 'anthropic-version: header is required'));
    }
    if (recorded.method === 'GET' && recorded.path === '/v1/models') return listModels(exchange, models, options.pageSize ?? 20);
    if (recorded.method === 'POST' && recorded.path === '/v1/messages') return answerMessages(exchange, book);
    sendJson(response, 404, errorBody('not_found_error', 'Not found'));
  });
  return { ...server, baseUrl: `${server.origin}/v1`, setScenario: (scenario, model) => book.set(scenario, model) };
}
