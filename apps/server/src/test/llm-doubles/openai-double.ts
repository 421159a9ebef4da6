import { cutConnection, startDoubleServer, type DoubleExchange, type DoubleServer, type RecordedRequest } from './double-server.js';
import {
  ScenarioBook, countPromptTokens, replyReasoningChunks, replyTextChunks,
  type DoubleScenario, type ReplyScenario, type StatusScenario,
} from './scenarios.js';
import { findInvalidChatImage, MediaBook, type ImageScenario, type MediaScenarios, type RecordedForm, type TranscriptionScenario } from './openai-media.js';
import { sendJson, sleep, splitIntoPieces, startSse, writeSseData } from './sse.js';

/**
 * A local double of OpenAI's Chat Completions API (`/v1/models`, `/v1/chat/completions`, streamed and not),
 * following the documented wire format: `chat.completion.chunk` SSE events, `delta.tool_calls` with `index`,
 * a usage chunk with empty `choices` when `stream_options.include_usage` is set, then `data: [DONE]`.
 * `delta.reasoning_content` is the field DeepSeek, vLLM and llama.cpp use for thinking. Images in chat
 * requests, image generation and editing, and audio transcription are in `openai-media.ts`.
 */

export interface OpenAiDoubleOptions {
  /** Expected bearer key; `null` accepts any request (Ollama). Default `test-key`. */
  apiKey?: string | null;
  /** Model ids listed by `/v1/models`. */
  models?: string[];
  /** `owned_by` of each listed model. Default `openai`. */
  ownedBy?: string;
  scenario?: DoubleScenario;
  /** Per-model scenarios, chosen by the request's `model`. */
  scenarios?: Record<string, DoubleScenario>;
  /** Answers of `/v1/images/*` and `/v1/audio/transcriptions` (default: tiny PNGs, a fixed transcript). */
  media?: MediaScenarios;
}

export interface OpenAiDouble extends DoubleServer {
  /** `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  /** Sets the default scenario, or one model's when `model` is given. */
  setScenario(scenario: DoubleScenario, model?: string): void;
}

/** The OpenAI double with its media endpoints' controls. */
export interface OpenAiMediaDouble extends OpenAiDouble {
  setImageScenario(scenario: ImageScenario): void;
  setTranscriptionScenario(scenario: TranscriptionScenario): void;
  /** Every multipart request (`/images/edits`, `/audio/transcriptions`), parsed. */
  forms: RecordedForm[];
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: unknown[];
}

const created = 1_700_000_000;

function errorBody(message: string, type: string, code: string | null): unknown {
  return { error: { message, type, param: null, code } };
}

function maskKey(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`;
}

function statusError(scenario: StatusScenario): unknown {
  if (scenario.body !== undefined) return scenario.body;
  const byStatus: Record<number, [string, string, string | null]> = {
    400: ['Invalid request.', 'invalid_request_error', null],
    401: ['Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'],
    404: ['The model does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found'],
    429: ['Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded'],
  };
  const [message, type, code] = byStatus[scenario.status] ?? ['The server had an error while processing your request.', 'server_error', null];
  return errorBody(scenario.message ?? message, type, code);
}

function sendStatus(exchange: DoubleExchange, scenario: StatusScenario): void {
  const headers: Record<string, string> = scenario.retryAfterSeconds === undefined ? {} : { 'retry-after': String(scenario.retryAfterSeconds) };
  sendJson(exchange.response, scenario.status, statusError(scenario), headers);
}

function toolCallId(scenario: ReplyScenario, index: number): string {
  return scenario.toolCalls?.[index]?.id ?? `call_${index + 1}`;
}

function usageOf(body: unknown, scenario: ReplyScenario): Record<string, unknown> {
  const promptTokens = countPromptTokens((body as { messages?: unknown }).messages);
  const reasoningTokens = replyReasoningChunks({ ...scenario, chunkSize: 1 }).length;
  const completionTokens = replyTextChunks({ ...scenario, chunkSize: 1 }).length + reasoningTokens + (scenario.toolCalls?.length ?? 0) * 10;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
}

function finishReasonOf(scenario: ReplyScenario): string {
  return scenario.finishReason ?? ((scenario.toolCalls?.length ?? 0) > 0 ? 'tool_calls' : 'stop');
}

function completionJson(body: ChatBody, scenario: ReplyScenario): unknown {
  const message: Record<string, unknown> = { role: 'assistant', content: replyTextChunks(scenario).join(''), refusal: null };
  if (scenario.reasoning !== undefined) message.reasoning_content = scenario.reasoning;
  if (scenario.toolCalls !== undefined && scenario.toolCalls.length > 0) {
    message.tool_calls = scenario.toolCalls.map((call, index) => ({
      id: toolCallId(scenario, index), type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
  }
  return {
    id: 'chatcmpl-double', object: 'chat.completion', created, model: body.model ?? 'unknown',
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonOf(scenario) }],
    usage: usageOf(body, scenario),
  };
}

/** The deltas of a streamed reply, in order: role, reasoning, text, tool calls (name first, then argument pieces). */
function replyDeltas(scenario: ReplyScenario): Record<string, unknown>[] {
  const deltas: Record<string, unknown>[] = [{ role: 'assistant', content: '' }];
  for (const piece of replyReasoningChunks(scenario)) deltas.push({ reasoning_content: piece });
  for (const piece of replyTextChunks(scenario)) deltas.push({ content: piece });
  (scenario.toolCalls ?? []).forEach((call, index) => {
    deltas.push({ tool_calls: [{ index, id: toolCallId(scenario, index), type: 'function', function: { name: call.name, arguments: '' } }] });
    for (const piece of splitIntoPieces(JSON.stringify(call.arguments), 3)) {
      deltas.push({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  });
  return deltas;
}

async function streamReply(exchange: DoubleExchange, body: ChatBody, scenario: ReplyScenario, cutAfter?: number): Promise<void> {
  const { response } = exchange;
  const includeUsage = body.stream_options?.include_usage === true;
  const chunk = (choices: unknown[], usage: unknown = null): unknown => ({
    id: 'chatcmpl-double', object: 'chat.completion.chunk', created, model: body.model ?? 'unknown',
    system_fingerprint: 'fp_double', choices, ...(includeUsage ? { usage } : {}),
  });
  startSse(response);
  let textSent = 0;
  for (const delta of replyDeltas(scenario)) {
    if (cutAfter !== undefined && textSent >= cutAfter) return cutConnection(exchange);
    if (!writeSseData(response, chunk([{ index: 0, delta, logprobs: null, finish_reason: null }]))) return;
    if ('content' in delta && delta.content !== '') textSent += 1;
    await sleep(scenario.tokenDelayMs ?? 0);
  }
  if (cutAfter !== undefined) return cutConnection(exchange);
  writeSseData(response, chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finishReasonOf(scenario) }]));
  if (includeUsage) writeSseData(response, chunk([], usageOf(body, scenario)));
  writeSseData(response, '[DONE]');
  response.end();
}

async function answerChat(exchange: DoubleExchange, book: ScenarioBook): Promise<void> {
  const body = (exchange.recorded.body ?? {}) as ChatBody;
  const invalidImage = findInvalidChatImage(body);
  if (invalidImage !== null) return sendJson(exchange.response, 400, errorBody(invalidImage, 'invalid_request_error', 'invalid_image_format'));
  const scenario = book.resolve(body.model, body);
  switch (scenario.kind) {
    case 'status':
      return sendStatus(exchange, scenario);
    case 'hang':
      if (body.stream === true) startSse(exchange.response);
      else exchange.response.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
      return;
    case 'cut':
      if (body.stream !== true) return cutConnection(exchange);
      return streamReply(exchange, body, { kind: 'reply', wordCount: scenario.afterTokens + 20 }, scenario.afterTokens);
    case 'tools-unsupported':
      if ((body.tools?.length ?? 0) > 0) {
        const message = scenario.message ?? 'tools is not supported for this model';
        return sendJson(exchange.response, 400, errorBody(message, 'invalid_request_error', null));
      }
      return answerReply(exchange, body, scenario.then ?? { kind: 'reply', text: 'No tools needed.' });
    case 'reply':
      return answerReply(exchange, body, scenario);
  }
}

async function answerReply(exchange: DoubleExchange, body: ChatBody, scenario: ReplyScenario): Promise<void> {
  if (body.stream === true) return streamReply(exchange, body, scenario);
  await sleep(scenario.tokenDelayMs ?? 0);
  sendJson(exchange.response, 200, completionJson(body, scenario));
}

/** The models list, in OpenAI's `{ object: 'list', data: [...] }` format. */
export function openAiModelList(models: string[], ownedBy: string): unknown {
  return { object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: ownedBy })) };
}

/**
 * The OpenAI-compatible routes under `/v1`, for reuse by other doubles (Ollama). Resolves false when the path is
 * not one of them. Checks `Authorization: Bearer <apiKey>` unless `apiKey` is null.
 */
export function createOpenAiRoutes(options: OpenAiDoubleOptions, book: ScenarioBook, media = new MediaBook(options.media)): (exchange: DoubleExchange) => Promise<boolean> {
  const apiKey = options.apiKey === undefined ? 'test-key' : options.apiKey;
  const models = options.models ?? ['gpt-4.1', 'gpt-4.1-mini'];
  return async (exchange) => {
    const { recorded, response } = exchange;
    const isModels = recorded.method === 'GET' && recorded.path === '/v1/models';
    const isChat = recorded.method === 'POST' && recorded.path === '/v1/chat/completions';
    const isMedia = MediaBook.isMediaPath(recorded.method, recorded.path);
    if (!isModels && !isChat && !isMedia) return false;
    if (apiKey !== null && recorded.headers.authorization !== `Bearer ${apiKey}`) {
      const given = recorded.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const message = given === '' ? 'You didn\'t provide an API key.' : `Incorrect API key provided: ${maskKey(given)}.`;
      sendJson(response, 401, errorBody(message, 'invalid_request_error', given === '' ? null : 'invalid_api_key'));
      return true;
    }
    if (isModels) sendJson(response, 200, openAiModelList(models, options.ownedBy ?? 'openai'));
    else if (isMedia) await media.route(exchange);
    else await answerChat(exchange, book);
    return true;
  };
}

/** Starts the OpenAI double on 127.0.0.1 (port 0). Unknown paths answer 404 in OpenAI's error format. */
export async function startOpenAiDouble(options: OpenAiDoubleOptions = {}): Promise<OpenAiMediaDouble> {
  const book = new ScenarioBook(options.scenario, options.scenarios);
  const media = new MediaBook(options.media);
  const routes = createOpenAiRoutes(options, book, media);
  const server = await startDoubleServer(async (exchange) => {
    if (await routes(exchange)) return;
    sendJson(exchange.response, 404, errorBody(`Unknown request URL: ${exchange.recorded.method} ${exchange.recorded.path}.`, 'invalid_request_error', 'unknown_url'));
  });
  return {
    ...server,
    baseUrl: `${server.origin}/v1`,
    setScenario: (scenario, model) => book.set(scenario, model),
    setImageScenario: (scenario) => media.setImageScenario(scenario),
    setTranscriptionScenario: (scenario) => media.setTranscriptionScenario(scenario),
    forms: media.forms,
  };
}

export type { RecordedRequest };
export { chatImagesOf, type ImageScenario, type RecordedForm, type TranscriptionScenario } from './openai-media.js';
