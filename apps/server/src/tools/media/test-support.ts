import type { Provider, ProviderFlags } from '@claraverse/shared';
import { NotFoundError } from '../../platform/errors/app-error.js';
import { createLlmClient } from '../../providers/llm/create-llm-client.js';
import { createProvidersHarness, type ProvidersHarness } from '../../providers/test-support.js';
import { createCapturingLogger } from '../../test/capture-logger.js';
import { startOpenAiDouble, type OpenAiMediaDouble } from '../../test/llm-doubles/openai-double.js';
import { createTestToolContext } from '../test-support.js';
import type { MediaModels, StoredFileInfo, ToolFiles } from '../tool-ports.js';
import { createMediaModels, type MediaModelsDeps } from './create-media-models.js';

/** The key every provider of the harness uses (and the double expects). */
export const mediaTestApiKey = 'sk-media-test-secret-1234';

export interface MediaHarness {
  /** One OpenAI double serving every provider: chat (vision), images, edits, transcriptions. */
  double: OpenAiMediaDouble;
  providers: ProvidersHarness;
  /** The real `MediaModels`, over the real providers module, LLM client and database. */
  media: MediaModels;
  /** A signed-in regular user. */
  userId: string;
  /** Log lines of the media models. */
  logLines: string[];
  /** Adds an instance provider at the double whose only visible model is `model`. */
  addProvider(options: { name: string; model: string; flags?: Partial<ProviderFlags>; enabled?: boolean }): Promise<Provider>;
  close(): Promise<void>;
}

const doubleModels = ['gpt-4o', 'llama-3-8b', 'dall-e-3', 'gpt-image-1', 'whisper-1'];

/** A fresh database, the OpenAI double on loopback and `MediaModels` wired like app.ts wires them. */
export async function createMediaHarness(options: Pick<MediaModelsDeps, 'imageTimeoutMs' | 'transcriptionTimeoutMs' | 'visionTimeoutMs' | 'maxResponseBytes'> = {}): Promise<MediaHarness> {
  const double = await startOpenAiDouble({ apiKey: mediaTestApiKey, models: doubleModels });
  const llmClient = createLlmClient({ retry: { attempts: 1, baseDelayMs: 1 } });
  const providers = await createProvidersHarness({ llmClient });
  const user = await providers.newUser();
  const { logger, lines } = createCapturingLogger();
  const service = providers.module.service;
  const media = createMediaModels({
    llmClient, logger,
    listUserModels: (userId) => service.listUserModels(userId),
    resolveModel: (userId, modelId) => service.resolveModel(userId, modelId),
    findMediaProvider: (userId, flag) => service.findMediaProvider(userId, flag),
    ...options,
  });
  return {
    double, providers, media, userId: user.user.id, logLines: lines,
    async addProvider({ name, model, flags = {}, enabled = true }) {
      const actor = { userId: providers.admin.user.id, ip: '127.0.0.1' };
      const provider = await service.createProvider(null, {
        name, kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: mediaTestApiKey, enabled,
        flags: { imageOnly: false, imageEditOnly: false, audioOnly: false, secure: false, ...flags },
        filters: [{ pattern: model, action: 'include', priority: 0 }],
      }, actor);
      await service.fetchModels(null, provider.id);
      double.requests.length = 0; // tests assert on the media requests only
      return provider;
    },
    async close() {
      await providers.close();
      await double.close();
    },
  };
}

/**
 * A `ToolFiles` holding uploads in memory (the real store lives in the files domain): `add` stores a file for a
 * user; `readUpload` refuses another user's file as not found, as the real one does.
 */
export function createMemoryToolFiles() {
  const uploads = new Map<string, StoredFileInfo & { ownerUserId: string; data: Buffer }>();
  const files: ToolFiles = {
    ...createTestToolContext().files,
    async readUpload(userId, fileId) {
      const upload = uploads.get(fileId);
      if (upload === undefined || upload.ownerUserId !== userId) throw new NotFoundError('upload', fileId);
      const { ownerUserId: _owner, ...file } = upload;
      return file;
    },
  };
  return {
    files,
    add(ownerUserId: string, file: { filename: string; mimeType: string; data: Buffer }): string {
      const fileId = `file-${uploads.size + 1}`;
      uploads.set(fileId, { fileId, ownerUserId, size: file.data.length, ...file });
      return fileId;
    },
  };
}
