import { cutConnection, startDoubleServer, type DoubleExchange, type DoubleServer } from './double-server.js';
import { ScenarioBook, countPromptTokens, replyReasoningChunks, replyTextChunks, type DoubleScenario, type ReplyScenario } from './scenarios.js';
import { sendJson, sleep, startSse, writeSseData } from './sse.js';

/**
 * A local double of Google's Gemini API (`/v1beta`): `GET /models` (with `nextPageToken` paging) and
 * `POST /models/{model}:streamGenerateContent?alt=sse` / `:generateContent`. Each SSE event is a whole
 * `GenerateContentResponse`; thoughts are parts with `thought: true`, tool calls are whole `functionCall` parts.
 */

export interface GoogleDoubleOptions {
  /** Expected `x-goog-api-key` (or `?key=`). Default `test-key`. */
  apiKey?: string;
  /** Model ids without the `models/` prefix. */
  models?: string[];
  pageSize?: number;
  scenario?: DoubleScenario;
  scenarios?: Record<string, DoubleScenario>;
}

export interface GoogleDouble extends DoubleServer {
  /** `http://127.0.0.1:PORT/v1beta` */
  baseUrl: string;
  setScenario(scenario: DoubleScenario, model?: string): void;
}

const statusNames: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 503: 'UNAVAILABLE' };

function errorBody(code: number, message: string): unknown {
  return { error: { code, message, status: statusNames[code] ?? 'INTERNAL' } };
}

function usageOf(body: unknown, scenario: ReplyScenario): Record<string, number> {
  const prompt = countPromptTokens((body as { contents?: unknown }).contents);
  const candidates = replyTextChunks({ ...scenario, chunkSize: 1 }).length;
  const thoughts = replyReasoningChunks({ ...scenario, chunkSize: 1 }).length;
  return { promptTokenCount: prompt, candidatesTokenCount: candidates, thoughtsTokenCount: thoughts, totalTokenCount: prompt + candidates + thoughts };
}

function responseChunk(model: string, parts: unknown[], extra: Record<string, unknown> = {}): unknown {
  return { candidates: [{ content: { parts, role: 'model' }, index: 0, ...extra }], modelVersion: model };
}

async function streamReply(exchange: DoubleExchange, model: string, scenario: ReplyScenario, cutAfter?: number): Promise<void> {
  startSse(exchange.response);
  const parts: unknown[] = [
    ...replyReasoningChunks(scenario).map((text) => ({ text, thought: true })),
    ...replyTextChunks(scenario).map((text) => ({ text })),
    ...(scenario.toolCalls ?? []).map((call) => ({ functionCall: { name: call.name, args: call.arguments } })),
  ];
  let textSent = 0;
  for (const part of parts) {
    if (cutAfter !== undefined && textSent >= cutAfter) return cutConnection(exchange);
    if (!writeSseData(exchange.response, responseChunk(model, [part]))) return;
    if ('text' in (part as object) && !('thought' in (part as object))) textSent += 1;
    await sleep(scenario.tokenDelayMs ?? 0);
  }
  if (cutAfter !== undefined) return cutConnection(exchange);
  const finish = { finishReason: scenario.finishReason ?? 'STOP' };
  writeSseData(exchange.response, { ...(responseChunk(model, [{ text: '' }], finish) as object), usageMetadata: usageOf(exchange.recorded.body, scenario) });
  exchange.response.end();
}

function generateJson(body: unknown, model: string, scenario: ReplyScenario): unknown {
  const parts: unknown[] = [];
  if (scenario.reasoning !== undefined) parts.push({ text: scenario.reasoning, thought: true });
  parts.push({ text: replyTextChunks(scenario).join('') });
  for (const call of scenario.toolCalls ?? []) parts.push({ functionCall: { name: call.name, args: call.arguments } });
  return { ...(responseChunk(model, parts, { finishReason: scenario.finishReason ?? 'STOP' }) as object), usageMetadata: usageOf(body, scenario) };
}

async function answerGenerate(exchange: DoubleExchange, book: ScenarioBook, model: string, isStream: boolean): Promise<void> {
  const scenario = book.resolve(model, exchange.recorded.body);
  const hasTools = ((exchange.recorded.body as { tools?: unknown[] } | undefined)?.tools?.length ?? 0) > 0;
  switch (scenario.kind) {
    case 'status': {
      const headers: Record<string, string> = scenario.retryAfterSeconds === undefined ? {} : { 'retry-after': String(scenario.retryAfterSeconds) };
      return sendJson(exchange.response, scenario.status, scenario.body ?? errorBody(scenario.status, scenario.message ?? 'The request failed.'), headers);
    }
    case 'hang':
      if (isStream) startSse(exchange.response);
      else exchange.response.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
      return;
    case 'cut':
      if (!isStream) return cutConnection(exchange);
      return streamReply(exchange, model, { kind: 'reply', wordCount: scenario.afterTokens + 20 }, scenario.afterTokens);
    case 'tools-unsupported':
      if (hasTools) return sendJson(exchange.response, 400, errorBody(400, scenario.message ?? 'Function calling is not enabled for this model.'));
      return answerReply(exchange, model, scenario.then ?? { kind: 'reply', text: 'No tools needed.' }, isStream);
    case 'reply':
      return answerReply(exchange, model, scenario, isStream);
  }
}

async function answerReply(exchange: DoubleExchange, model: string, scenario: ReplyScenario, isStream: boolean): Promise<void> {
  if (isStream) return streamReply(exchange, model, scenario);
  sendJson(exchange.response, 200, generateJson(exchange.recorded.body, model, scenario));
}

function listModels(exchange: DoubleExchange, models: string[], pageSize: number): void {
  const { query } = exchange.recorded;
  const size = query.pageSize === undefined ? pageSize : Math.min(pageSize, Number(query.pageSize));
  const start = query.pageToken === undefined ? 0 : Number(query.pageToken);
  const page = models.slice(start, start + size).map((id) => ({
    name: `models/${id}`, displayName: id.replace(/-/g, ' '), inputTokenLimit: 1_048_576, outputTokenLimit: 65_536,
    supportedGenerationMethods: id.startsWith('embedding') ? ['embedContent'] : ['generateContent', 'countTokens'],
  }));
  sendJson(exchange.response, 200, { models: page, ...(start + size < models.length ? { nextPageToken: String(start + size) } : {}) });
}

/** Starts the Gemini double on 127.0.0.1 (port 0). */
export async function startGoogleDouble(options: GoogleDoubleOptions = {}): Promise<GoogleDouble> {
  const book = new ScenarioBook(options.scenario, options.scenarios);
  const apiKey = options.apiKey ?? 'test-key';
  const models = options.models ?? ['gemini-2.5-flash', 'gemini-2.5-pro', 'embedding-001'];
  const server = await startDoubleServer(async (exchange) => {
    const { recorded, response } = exchange;
    const givenKey = recorded.headers['x-goog-api-key'] ?? recorded.query.key;
    if (givenKey !== apiKey) {
      // Google answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID, not 401.
      const body = errorBody(400, 'API key not valid. Please pass a valid API key.') as { error: Record<string, unknown> };
      body.error.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }];
      return sendJson(response, 400, body);
    }
    if (recorded.method === 'GET' && recorded.path === '/v1beta/models') return listModels(exchange, models, options.pageSize ?? 50);
    const match = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/.exec(recorded.path);
    if (recorded.method === 'POST' && match !== null) {
      const isStream = match[2] === 'streamGenerateContent';
      if (isStream && recorded.query.alt !== 'sse') return sendJson(response, 400, errorBody(400, 'The double only streams with alt=sse.'));
      return answerGenerate(exchange, book, decodeURIComponent(match[1] ?? ''), isStream);
    }
    sendJson(response, 404, errorBody(404, 'Not found.'));
  });
  return { ...server, baseUrl: `${server.origin}/v1beta`, setScenario: (scenario, model) => book.set(scenario, model) };
}
