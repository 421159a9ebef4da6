import { createTinyPng } from '../tiny-png.js';
import type { DoubleExchange } from './double-server.js';
import { sendJson } from './sse.js';

/**
 * The OpenAI double's media endpoints, following OpenAI's documented wire formats:
 * - `POST /v1/images/generations` (JSON `{ model, prompt, n, size, response_format }` → `{ created, data: [{ b64_json | url }] }`),
 * - `POST /v1/images/edits` (multipart `image`, `prompt`, `model`, `size`, `n`, `response_format`),
 * - `POST /v1/audio/transcriptions` (multipart `file`, `model`, `language`, `prompt`, `response_format`),
 * - images inside chat requests (`image_url` content parts), checked the way OpenAI checks them.
 * Multipart bodies are parsed with the platform's own parser (`Response.formData()`) and recorded in `forms`.
 */

/** A multipart request as the double parsed it. */
export interface RecordedForm {
  path: string;
  /** Text fields. */
  fields: Record<string, string>;
  /** File fields: the filename and type the client declared, and the bytes. */
  files: Record<string, { filename: string; type: string; data: Buffer }>;
}

/** An HTTP error in OpenAI's error JSON, or headers and then silence. */
export type MediaFailureScenario = { kind: 'status'; status: number; message?: string } | { kind: 'hang' };

/**
 * Image answers: `images` (default: one 2×2 red PNG per requested `n`), sent as `b64_json` or as `url` (what a
 * provider does when it ignores `response_format`; the URLs point nowhere).
 */
export type ImageScenario = { kind: 'images'; images?: Buffer[]; answerWith?: 'b64_json' | 'url' } | MediaFailureScenario;

/** Transcription answers. Default text `Hello from the audio double.` */
export type TranscriptionScenario = { kind: 'transcript'; text?: string; language?: string; durationSeconds?: number } | MediaFailureScenario;

export interface MediaScenarios {
  images?: ImageScenario;
  transcription?: TranscriptionScenario;
}

/** Audio formats `/audio/transcriptions` accepts, by the file name's extension (as OpenAI decides). */
const audioExtensions = ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'wav', 'webm'];
const imageSignatures: Record<string, (data: Buffer) => boolean> = {
  'image/png': (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff,
  'image/gif': (data) => data.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (data) => data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP',
};

function invalidRequest(exchange: DoubleExchange, message: string, code: string | null = null, param: string | null = null): void {
  sendJson(exchange.response, 400, { error: { message, type: 'invalid_request_error', param, code } });
}

function fail(exchange: DoubleExchange, scenario: MediaFailureScenario): void {
  if (scenario.kind === 'hang') {
    exchange.response.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    return;
  }
  const type = scenario.status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(exchange.response, scenario.status, { error: { message: scenario.message ?? `The double failed with ${scenario.status}.`, type, param: null, code: null } });
}

async function readForm(exchange: DoubleExchange): Promise<RecordedForm | null> {
  const contentType = exchange.recorded.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return null;
  const form = await new Response(exchange.recorded.rawBody, { headers: { 'content-type': contentType } }).formData();
  const recorded: RecordedForm = { path: exchange.recorded.path, fields: {}, files: {} };
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') recorded.fields[name] = value;
    else recorded.files[name] = { filename: value.name, type: value.type, data: Buffer.from(await value.arrayBuffer()) };
  }
  return recorded;
}

/** `response_format` defaults to `url`, except for the gpt-image models, which always answer with base64. */
function answersWithUrl(scenario: { answerWith?: 'b64_json' | 'url' }, model: string | undefined, responseFormat: string | undefined): boolean {
  if (scenario.answerWith !== undefined) return scenario.answerWith === 'url';
  if (model?.startsWith('gpt-image') === true) return false;
  return responseFormat !== 'b64_json';
}

function sendImages(exchange: DoubleExchange, scenario: ImageScenario, count: number, request: { model?: string | undefined; responseFormat?: string | undefined }): void {
  if (scenario.kind !== 'images') return fail(exchange, scenario);
  const images = scenario.images ?? Array.from({ length: count }, () => createTinyPng());
  const asUrl = answersWithUrl(scenario, request.model, request.responseFormat);
  const data = images.map((image, index) => (asUrl ? { url: `https://images.invalid/img-${index + 1}.png` } : { b64_json: image.toString('base64') }));
  sendJson(exchange.response, 200, { created: 1_700_000_000, data });
}

function answerGeneration(exchange: DoubleExchange, scenario: ImageScenario): void {
  const body = exchange.recorded.body as { model?: unknown; prompt?: unknown; n?: unknown; response_format?: unknown } | undefined;
  if (body === undefined) return invalidRequest(exchange, 'We could not parse the JSON body of your request.');
  if (typeof body.prompt !== 'string' || body.prompt === '') return invalidRequest(exchange, "Missing required parameter: 'prompt'.", 'missing_required_parameter', 'prompt');
  const count = body.n === undefined ? 1 : Number(body.n);
  if (!Number.isInteger(count) || count < 1 || count > 10) return invalidRequest(exchange, `${String(body.n)} is not a valid value for 'n'.`, null, 'n');
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  sendImages(exchange, scenario, count, { model: text(body.model), responseFormat: text(body.response_format) });
}

function answerEdit(exchange: DoubleExchange, form: RecordedForm, scenario: ImageScenario): void {
  const image = form.files.image ?? form.files['image[]'];
  if (image === undefined) return invalidRequest(exchange, "Missing required parameter: 'image'.", 'missing_required_parameter', 'image');
  if (!Object.values(imageSignatures).some((matches) => matches(image.data))) {
    return invalidRequest(exchange, 'Invalid image file. Supported formats are png, jpeg and webp.', 'invalid_image_format', 'image');
  }
  if (!form.fields.prompt) return invalidRequest(exchange, "Missing required parameter: 'prompt'.", 'missing_required_parameter', 'prompt');
  sendImages(exchange, scenario, Number(form.fields.n ?? '1'), { model: form.fields.model, responseFormat: form.fields.response_format });
}

function answerTranscription(exchange: DoubleExchange, form: RecordedForm, scenario: TranscriptionScenario): void {
  const file = form.files.file;
  if (file === undefined) return invalidRequest(exchange, "Missing required parameter: 'file'.", 'missing_required_parameter', 'file');
  if (!form.fields.model) return invalidRequest(exchange, "Missing required parameter: 'model'.", 'missing_required_parameter', 'model');
  const extension = file.filename.split('.').pop()?.toLowerCase() ?? '';
  if (!audioExtensions.includes(extension)) {
    return invalidRequest(exchange, `Invalid file format. Supported formats: ${JSON.stringify(audioExtensions)}`, null, 'file');
  }
  if (scenario.kind !== 'transcript') return fail(exchange, scenario);
  const text = scenario.text ?? 'Hello from the audio double.';
  const format = form.fields.response_format ?? 'json';
  if (format === 'text') {
    exchange.response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    return;
  }
  if (format === 'verbose_json') {
    return sendJson(exchange.response, 200, { task: 'transcribe', language: scenario.language ?? 'english', duration: scenario.durationSeconds ?? 1.5, text, segments: [] });
  }
  sendJson(exchange.response, 200, { text });
}

/**
 * Media state of one double: the scenarios (settable while it runs) and every multipart form received.
 * `route` answers a media request and resolves false for any other path.
 */
export class MediaBook {
  readonly forms: RecordedForm[] = [];

  constructor(private scenarios: MediaScenarios = {}) {}

  setImageScenario(scenario: ImageScenario): void {
    this.scenarios = { ...this.scenarios, images: scenario };
  }

  setTranscriptionScenario(scenario: TranscriptionScenario): void {
    this.scenarios = { ...this.scenarios, transcription: scenario };
  }

  static isMediaPath(method: string, path: string): boolean {
    return method === 'POST' && ['/v1/images/generations', '/v1/images/edits', '/v1/audio/transcriptions'].includes(path);
  }

  async route(exchange: DoubleExchange): Promise<void> {
    const { path } = exchange.recorded;
    const images = this.scenarios.images ?? { kind: 'images' };
    if (path === '/v1/images/generations') return answerGeneration(exchange, images);
    const form = await readForm(exchange);
    if (form === null) {
      const given = exchange.recorded.headers['content-type'] ?? 'none';
      return invalidRequest(exchange, `Invalid Content-Type header (${given}), expected multipart/form-data.`);
    }
    this.forms.push(form);
    if (path === '/v1/images/edits') return answerEdit(exchange, form, images);
    return answerTranscription(exchange, form, this.scenarios.transcription ?? { kind: 'transcript' });
  }
}

/** The images inside a chat request's user messages (`image_url` parts), decoded; remote URLs are kept as text. */
export function chatImagesOf(body: unknown): Array<{ url: string; mimeType?: string; data?: Buffer }> {
  const messages = (body as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message: { content?: unknown }) => (Array.isArray(message.content) ? message.content : []))
    .filter((part: { type?: unknown }) => part.type === 'image_url')
    .map((part: { image_url?: { url?: unknown } }) => {
      const url = typeof part.image_url?.url === 'string' ? part.image_url.url : '';
      const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
      return match ? { url, mimeType: match[1] as string, data: Buffer.from(match[2] as string, 'base64') } : { url };
    });
}

/**
 * OpenAI's check of chat images: a data URL must be a base64 PNG, JPEG, GIF or WebP whose bytes are one.
 * Returns the error message to answer with, or null when every image is acceptable.
 */
export function findInvalidChatImage(body: unknown): string | null {
  for (const image of chatImagesOf(body)) {
    if (!image.url.startsWith('data:')) continue;
    const matches = image.mimeType === undefined ? undefined : imageSignatures[image.mimeType];
    if (image.data === undefined || matches === undefined || !matches(image.data)) {
      return "You uploaded an unsupported image. Please make sure your image has of one the following formats: ['png', 'jpeg', 'gif', 'webp'].";
    }
  }
  return null;
}
