import type { UserModel } from '@claraverse/shared';
import type { MediaProvider, MediaProviderFlag, ResolvedModel } from '../../providers/index.js';
import { LlmError, type LlmClient } from '../../providers/llm/llm-client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { MediaModels } from '../tool-ports.js';
import { detectImageType, imageExtension } from './image-type.js';
import { parseProviderJson, postToProvider, type ProviderCall } from './provider-http.js';

/** What the media models need from the providers domain and the platform. */
export interface MediaModelsDeps {
  llmClient: LlmClient;
  /** The user's chat models in picker order; the first vision-capable one describes images. */
  listUserModels(userId: string): Promise<UserModel[]>;
  resolveModel(userId: string, modelId: string): Promise<ResolvedModel>;
  findMediaProvider(userId: string, flag: MediaProviderFlag): Promise<MediaProvider | null>;
  logger: Logger;
  /** Used for image and audio endpoints. Default: the global `fetch`, as the LLM client. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds an image generation or edit may take. Default 300 000. */
  imageTimeoutMs?: number;
  /** Milliseconds a transcription may take. Default 300 000. */
  transcriptionTimeoutMs?: number;
  /** Milliseconds a vision model may stay silent. Default 120 000. */
  visionTimeoutMs?: number;
  /** Largest provider answer read, bytes. Default 100 MiB (several large base64 images). */
  maxResponseBytes?: number;
}

const purposes: Record<MediaProviderFlag, { purpose: string; flagName: string }> = {
  imageOnly: { purpose: 'image generation', flagName: 'image only' },
  imageEditOnly: { purpose: 'image editing', flagName: 'image edit only' },
  audioOnly: { purpose: 'audio transcription', flagName: 'audio only' },
};

function notConfigured(purpose: string, flagNames: string): AppError {
  return new AppError('service_unavailable', `No ${purpose} provider is set up. An administrator can add an OpenAI-compatible provider with the "${flagNames}" flag in Admin → Providers.`);
}

/** The model reply's error as a tool error; a cancelled call stays an abort. */
function visionError(error: unknown, model: string): unknown {
  if (!(error instanceof LlmError)) return error;
  if (error.code === 'rate_limited') return new AppError('rate_limited', `The vision model "${model}" is busy: ${error.message}`);
  if (error.code === 'timeout') return new AppError('outbound_timeout', `The vision model "${model}" took too long: ${error.message}`);
  return new AppError('upstream_unavailable', `The vision model "${model}" could not describe the image: ${error.message}`);
}

/** Extensions `/audio/transcriptions` accepts; OpenAI decides the format by the file name, not the bytes. */
const audioExtensionByType: Record<string, string> = {
  'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav', 'audio/mp4': 'm4a', 'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a', 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/flac': 'flac', 'audio/x-flac': 'flac', 'video/mp4': 'mp4', 'video/webm': 'webm',
};
const acceptedAudioExtensions = new Set(['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'wav', 'webm']);

/** The upload's name when its extension is one the endpoint knows, else the name with the type's extension added. */
export function audioFilename(filename: string, mimeType: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (extension !== undefined && acceptedAudioExtensions.has(extension)) return filename;
  return `${filename || 'audio'}.${audioExtensionByType[mimeType.toLowerCase()] ?? 'mp3'}`;
}

/** OpenAI's gpt-image models always answer in base64 and refuse `response_format`; the others default to URLs. */
function responseFormatField(model: string): Record<string, string> {
  return model.startsWith('gpt-image') ? {} : { response_format: 'b64_json' };
}

function readImages(call: Pick<ProviderCall, 'purpose' | 'provider'>, body: Buffer): Array<{ data: Buffer; mimeType: string }> {
  const who = `The ${call.purpose} provider "${call.provider.providerName}"`;
  const entries = (parseProviderJson(call, body) as { data?: unknown } | null)?.data;
  if (!Array.isArray(entries) || entries.length === 0) throw new AppError('upstream_unavailable', `${who} answered without any image.`);
  return entries.map((entry: { b64_json?: unknown; url?: unknown }) => {
    if (typeof entry.b64_json !== 'string') {
      throw new AppError('upstream_unavailable', typeof entry.url === 'string'
        ? `${who} answered with image links instead of image data; ClaraVerse asks for base64 images (response_format "b64_json") and needs a provider that supports them.`
        : `${who} answered without image data.`);
    }
    const data = Buffer.from(entry.b64_json, 'base64');
    const mimeType = detectImageType(data);
    if (mimeType === null) throw new AppError('upstream_unavailable', `${who} sent data that is not a PNG, JPEG, GIF or WebP image.`);
    return { data, mimeType };
  });
}

/**
 * The `MediaModels` port: vision through the LLM client (the user's first vision-capable model), image
 * generation, image editing and transcription through the OpenAI-compatible endpoints of providers flagged
 * `imageOnly`, `imageEditOnly` and `audioOnly`. Errors are `AppError`s with sentences for the user and model.
 */
export function createMediaModels(deps: MediaModelsDeps): MediaModels {
  const http = { fetch: deps.fetch ?? globalThis.fetch, logger: deps.logger };
  const imageTimeoutMs = deps.imageTimeoutMs ?? 300_000;
  const maxResponseBytes = deps.maxResponseBytes ?? 100 * 1024 * 1024;

  async function requireProvider(userId: string, flags: MediaProviderFlag[]): Promise<MediaProvider> {
    for (const flag of flags) {
      const provider = await deps.findMediaProvider(userId, flag);
      if (provider !== null) return provider;
    }
    const [first = 'imageOnly'] = flags;
    throw notConfigured(purposes[first].purpose, flags.map((flag) => purposes[flag].flagName).join('" or "'));
  }

  return {
    async describeImage(userId, image, question, signal) {
      const model = (await deps.listUserModels(userId)).find((candidate) => candidate.capabilities.vision);
      if (model === undefined) {
        throw new AppError('service_unavailable', 'No model that can see images is available to you. An administrator can mark a model as vision-capable in Admin → Models.');
      }
      const resolved = await deps.resolveModel(userId, model.id);
      try {
        const reply = await deps.llmClient.complete({
          target: resolved.target,
          messages: [{ role: 'user', content: [{ type: 'text', text: question }, { type: 'image', data: image.data, mimeType: image.mimeType }] }],
          maxOutputTokens: 2_000,
          idleTimeoutMs: deps.visionTimeoutMs ?? 120_000,
          signal: signal ?? new AbortController().signal,
        });
        return { text: reply.text, model: model.displayName };
      } catch (error) {
        throw visionError(error, model.displayName);
      }
    },

    async generateImage(userId, request, signal) {
      const provider = await requireProvider(userId, ['imageOnly']);
      const { model } = provider.target;
      const call: ProviderCall = {
        provider, path: '/images/generations', purpose: purposes.imageOnly.purpose, timeoutMs: imageTimeoutMs, maxResponseBytes, signal,
        body: { model, prompt: request.prompt, size: request.size, n: request.n ?? 1, ...responseFormatField(model) },
      };
      const answer = await postToProvider(http, call);
      return { images: readImages(call, answer.body), model };
    },

    async editImage(userId, request, signal) {
      const provider = await requireProvider(userId, ['imageEditOnly', 'imageOnly']);
      const { model } = provider.target;
      const form = new FormData();
      form.set('model', model);
      form.set('prompt', request.prompt);
      const type = detectImageType(request.image.data);
      const filename = `image.${type === null ? 'png' : imageExtension(type)}`;
      form.set('image', new Blob([request.image.data], { type: type ?? request.image.mimeType }), filename);
      if (request.size !== undefined) form.set('size', request.size);
      form.set('n', '1');
      for (const [name, value] of Object.entries(responseFormatField(model))) form.set(name, value);
      const call: ProviderCall = { provider, path: '/images/edits', purpose: purposes.imageEditOnly.purpose, timeoutMs: imageTimeoutMs, maxResponseBytes, signal, body: form };
      const answer = await postToProvider(http, call);
      return { images: readImages(call, answer.body), model };
    },

    async transcribe(userId, audio, options = {}, signal) {
      const provider = await requireProvider(userId, ['audioOnly']);
      const { model } = provider.target;
      const form = new FormData();
      form.set('model', model);
      form.set('file', new Blob([audio.data], { type: audio.mimeType }), audioFilename(audio.filename, audio.mimeType));
      if (options.language !== undefined) form.set('language', options.language);
      if (options.prompt !== undefined) form.set('prompt', options.prompt);
      form.set('response_format', 'json');
      const call: ProviderCall = {
        provider, path: '/audio/transcriptions', purpose: purposes.audioOnly.purpose, timeoutMs: deps.transcriptionTimeoutMs ?? 300_000, maxResponseBytes, signal, body: form,
      };
      const answer = await postToProvider(http, call);
      const text = (parseProviderJson(call, answer.body) as { text?: unknown } | null)?.text;
      if (typeof text !== 'string') throw new AppError('upstream_unavailable', `The audio transcription provider "${provider.providerName}" answered without a transcript.`);
      return { text, model };
    },
  };
}
