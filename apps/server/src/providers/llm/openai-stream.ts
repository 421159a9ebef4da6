import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { trimBaseUrl } from './adapters/llm-adapter.js';
import { IdleTimer, defaultIdleTimeoutMs, idleTimeoutError } from './call-options.js';
import { classifyHttpFailure, readProviderMessage } from './classify-error.js';
import { LlmError, type LlmFinishReason, type LlmRequest, type LlmStreamPart, type LlmUsage } from './llm-client.js';
import { buildOpenAiChatBody } from './openai-chat-body.js';
import { createSseParser } from './sse-parser.js';

/**
 * The lean streaming path for `openai` and `openai-compatible` providers (docs/decisions/0005): the Chat
 * Completions request is built here, sent with `node:http(s)` (the global keep-alive agents), and the SSE reply
 * is read by a small parser, instead of the AI SDK's per-chunk schema validation and TransformStream chain.
 * Behaviour matches the SDK adapters: same request fields, `reasoning_content` / `reasoning` read as reasoning,
 * tool calls reassembled from indexed deltas, usage from the final chunk (`stream_options.include_usage`).
 */

/** Largest error body read from a failed response (it is only searched and parsed, never shown raw). */
const maxErrorBodyChars = 64 * 1024;
/** Parts the reader may hold before it pauses the socket (back-pressure toward the provider). */
const maxQueuedParts = 256;

function mapFinishReason(reason: unknown): LlmFinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}

interface ChunkDelta {
  content?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
  tool_calls?: { index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } }[];
}

interface Chunk {
  error?: { message?: unknown } | string;
  choices?: { delta?: ChunkDelta | null; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
}

function parseArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Turns Chat Completions chunks (the `data` of each SSE event) into stream parts. Tool calls are emitted once
 * complete (when the choice finishes or the stream ends); the finish part comes last, after the usage chunk.
 */
export function createChatChunkReader(emit: (part: LlmStreamPart) => void) {
  const toolCalls = new Map<number, { id: string; name: string; args: string }>();
  let finishReason: LlmFinishReason | undefined;
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  let isFinished = false;

  function emitToolCalls(): void {
    const sorted = [...toolCalls.entries()].sort(([left], [right]) => left - right);
    toolCalls.clear();
    for (const [index, call] of sorted) emit({ type: 'tool-call', toolCallId: call.id || `call_${index}`, toolName: call.name, args: parseArguments(call.args) });
  }

  function readToolCalls(deltas: NonNullable<ChunkDelta['tool_calls']>): void {
    for (const delta of deltas) {
      const index = typeof delta.index === 'number' ? delta.index : toolCalls.size;
      let call = toolCalls.get(index);
      if (call === undefined) {
        call = { id: '', name: '', args: '' };
        toolCalls.set(index, call);
      }
      if (typeof delta.id === 'string' && delta.id !== '') call.id = delta.id;
      if (typeof delta.function?.name === 'string' && delta.function.name !== '') call.name = delta.function.name;
      if (typeof delta.function?.arguments === 'string') call.args += delta.function.arguments;
    }
  }

  return {
    /** Reads one event's data. Returns true at `[DONE]`. @throws LlmError when the provider reports an error in the stream */
    read(data: string): boolean {
      if (data === '[DONE]') return true;
      let chunk: Chunk;
      try {
        chunk = JSON.parse(data) as Chunk;
      } catch {
        throw new LlmError('internal', 'The provider sent a response the server could not understand.', false);
      }
      if (chunk.error !== undefined && chunk.error !== null) {
        throw new LlmError('provider_unavailable', 'The provider reported an error while answering. Try again in a moment.', true);
      }
      if (chunk.usage) {
        if (typeof chunk.usage.prompt_tokens === 'number') usage.inputTokens = chunk.usage.prompt_tokens;
        if (typeof chunk.usage.completion_tokens === 'number') usage.outputTokens = chunk.usage.completion_tokens;
      }
      const choice = chunk.choices?.[0];
      if (choice === undefined) return false;
      const delta = choice.delta;
      if (delta) {
        const reasoning = delta.reasoning_content ?? delta.reasoning;
        if (typeof reasoning === 'string' && reasoning !== '') emit({ type: 'reasoning-delta', delta: reasoning });
        if (typeof delta.content === 'string' && delta.content !== '') emit({ type: 'text-delta', delta: delta.content });
        if (Array.isArray(delta.tool_calls)) readToolCalls(delta.tool_calls);
      }
      if (choice.finish_reason !== undefined && choice.finish_reason !== null) {
        finishReason = mapFinishReason(choice.finish_reason);
        emitToolCalls();
      }
      return false;
    },
    /** The stream is over: pending tool calls, then the finish part (once). */
    finish(): void {
      if (isFinished) return;
      isFinished = true;
      const hadToolCalls = toolCalls.size > 0;
      emitToolCalls();
      emit({ type: 'finish', finishReason: finishReason ?? (hadToolCalls ? 'tool-calls' : 'other'), usage: { ...usage } });
    },
  };
}


function headersOf(response: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(response.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function connectionClosedError(): Error {
  return Object.assign(new Error('The connection to the provider closed before the reply ended (terminated)'), { code: 'ECONNRESET' });
}

/**
 * Wires a provider response: a non-2xx status becomes a classified `LlmError` (after reading the error body);
 * a 2xx body is handed over as text, and a body that stops before its end is a connection failure.
 */
function readResponse(incoming: IncomingMessage, apiKey: string | null, handlers: { onText(text: string): void; onEnd(): void; fail(error: unknown): void }): void {
  incoming.setEncoding('utf8');
  incoming.on('error', handlers.fail);
  const status = incoming.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    let text = '';
    incoming.on('data', (piece: string) => {
      if (text.length < maxErrorBodyChars) text += piece;
    });
    incoming.on('end', () => handlers.fail(classifyHttpFailure({ status, providerMessage: readProviderMessage(text), responseBody: text, headers: headersOf(incoming) }, apiKey, 'chat').error));
    return;
  }
  incoming.on('data', handlers.onText);
  incoming.on('end', handlers.onEnd);
  incoming.on('close', () => {
    if (!incoming.complete) handlers.fail(connectionClosedError());
  });
}

/**
 * Parts between the socket's events and the consumer's pulls, and how the stream ended. The consumer waits in
 * `next()` only when the queue is empty; events wake it.
 */
class PartInbox {
  readonly parts: LlmStreamPart[] = [];
  head = 0;
  failure: unknown;
  isDone = false;
  private wake: (() => void) | undefined;

  get isSettled(): boolean {
    return this.isDone || this.failure !== undefined;
  }

  get backlog(): number {
    return this.parts.length - this.head;
  }

  notify(): void {
    const resolve = this.wake;
    this.wake = undefined;
    resolve?.();
  }

  /** Records the first failure (later ones, and failures after a clean end, are ignored). */
  fail(error: unknown): void {
    if (this.isSettled) return;
    this.failure = error;
    this.notify();
  }

  /** Empties the consumed queue and waits for the next event. */
  wait(): Promise<void> {
    this.parts.length = 0;
    this.head = 0;
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }
}

/** SSE text in, parts into the inbox; `[DONE]`, a clean end without it, or a bad chunk settle the inbox. */
function createBodyReader(inbox: PartInbox): { push(text: string): void; end(): void } {
  const reader = createChatChunkReader((part) => inbox.parts.push(part));
  const finish = (): void => {
    reader.finish();
    inbox.isDone = true;
  };
  const parser = createSseParser({
    onData(data) {
      if (inbox.isSettled) return;
      try {
        if (reader.read(data)) finish();
      } catch (error) {
        inbox.failure = error;
      }
    },
  });
  return {
    push: (text) => parser.push(text),
    end() {
      if (!inbox.isSettled) parser.end();
      // A clean end without `[DONE]` still finishes the reply (some servers omit it).
      if (!inbox.isSettled) finish();
    },
  };
}

/** Where a base URL's Chat Completions requests go, as `node:http(s)` request options. */
interface ChatEndpoint {
  send: typeof httpRequest;
  options: RequestOptions;
}

/** Base URLs seen, parsed once: `http.request(url)` re-parses a URL object into options on every call. */
const chatEndpoints = new Map<string, ChatEndpoint>();
const maxChatEndpoints = 1000;

/** The Chat Completions endpoint of a base URL (the same options `http.request` derives from the URL itself). */
export function chatEndpointOf(baseUrl: string): ChatEndpoint {
  const known = chatEndpoints.get(baseUrl);
  if (known !== undefined) return known;
  const url = new URL(`${trimBaseUrl(baseUrl)}/chat/completions`);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const options: RequestOptions = { protocol: url.protocol, hostname, path: `${url.pathname}${url.search}` };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username !== '' || url.password !== '') options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  const endpoint: ChatEndpoint = { send: url.protocol === 'https:' ? httpsRequest : httpRequest, options };
  if (chatEndpoints.size >= maxChatEndpoints) chatEndpoints.clear();
  chatEndpoints.set(baseUrl, endpoint);
  return endpoint;
}

/** The outgoing Chat Completions request (not yet ended) and its JSON body. */
function openChatRequest(request: LlmRequest): { outgoing: ClientRequest; payload: string } {
  const { target } = request;
  const { send, options } = chatEndpointOf(target.baseUrl);
  const payload = JSON.stringify(buildOpenAiChatBody(request));
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  if (target.apiKey !== null && target.apiKey !== '') headers.authorization = `Bearer ${target.apiKey}`;
  return { outgoing: send({ ...options, method: 'POST', headers }), payload };
}

/**
 * One streaming Chat Completions call over `node:http(s)`, without retries. Same contract as `streamAttempt`:
 * ends quietly when `request.signal` aborts; throws the raw failure (an `LlmError` for HTTP errors, a
 * connection error otherwise) or `LlmError('timeout')` after `idleTimeoutMs` without data. Leaving the loop
 * early destroys the request, which closes the upstream connection. The socket is paused while the consumer
 * is more than `maxQueuedParts` behind.
 */
export async function* streamOpenAiChat(request: LlmRequest): AsyncGenerator<LlmStreamPart> {
  if (request.signal.aborted) return;
  const inbox = new PartInbox();
  const idleTimeoutMs = request.idleTimeoutMs ?? defaultIdleTimeoutMs;
  const controller = new AbortController();
  const idle = new IdleTimer(idleTimeoutMs, controller);
  let response: IncomingMessage | undefined;
  let isPaused = false;
  const body = createBodyReader(inbox);

  const { outgoing, payload } = openChatRequest(request);
  const onAbort = (): void => {
    outgoing.destroy();
    inbox.notify();
  };
  request.signal.addEventListener('abort', onAbort, { once: true });
  controller.signal.addEventListener('abort', () => {
    inbox.fail(idleTimeoutError(idleTimeoutMs));
    outgoing.destroy();
  }, { once: true });
  outgoing.on('error', (error) => inbox.fail(error));
  outgoing.on('response', (incoming) => {
    response = incoming;
    idle.touch();
    const status = incoming.statusCode ?? 0;
    if (status >= 200 && status < 300) request.onResponseStart?.();
    readResponse(incoming, request.target.apiKey, {
      fail: (error) => inbox.fail(error),
      onText(piece) {
        idle.touch();
        const before = inbox.parts.length;
        body.push(piece);
        if (inbox.parts.length !== before || inbox.isSettled) inbox.notify();
        if (inbox.backlog > maxQueuedParts && !isPaused) {
          isPaused = true;
          incoming.pause();
        }
      },
      onEnd() {
        body.end();
        inbox.notify();
      },
    });
  });

  try {
    idle.restart();
    outgoing.end(payload);
    for (;;) {
      while (inbox.head < inbox.parts.length) {
        const part = inbox.parts[inbox.head] as LlmStreamPart;
        inbox.head += 1;
        idle.pause();
        yield part;
        idle.restart();
      }
      if (request.signal.aborted) return;
      if (inbox.failure !== undefined) throw inbox.failure;
      if (inbox.isDone) return;
      if (isPaused) {
        isPaused = false;
        response?.resume();
      }
      await inbox.wait();
    }
  } catch (error) {
    if (idle.hasFired) throw idleTimeoutError(idleTimeoutMs);
    if (request.signal.aborted) return;
    throw error;
  } finally {
    idle.stop();
    request.signal.removeEventListener('abort', onAbort);
    if (inbox.isDone && inbox.failure === undefined) response?.resume(); // drain the rest so the keep-alive socket is reused
    else outgoing.destroy();
  }
}
