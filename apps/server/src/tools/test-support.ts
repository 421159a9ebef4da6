import { createCapturingLogger } from '../test/capture-logger.js';
import type { ToolContext } from './define-tool.js';

function missing(port: string): never {
  throw new Error(`This test did not give the tool a ${port}`);
}

/**
 * A ToolContext for a tool's own test: pass the real ports the tool uses (pointed at local servers); any
 * other port throws when touched, so a tool reaching for something unexpected fails loudly.
 */
export function createTestToolContext(overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    userId: 'user-1',
    signal: new AbortController().signal,
    logger: createCapturingLogger().logger,
    now: () => new Date(),
    http: { request: () => missing('http client') },
    sandbox: { run: () => missing('sandbox') },
    files: { readUpload: () => missing('file store'), saveUpload: () => missing('file store'), saveGenerated: () => missing('file store') },
    documents: { htmlToPdf: () => missing('document renderer') },
    media: {
      describeImage: () => missing('vision model'),
      generateImage: () => missing('image model'),
      editImage: () => missing('image model'),
      transcribe: () => missing('audio model'),
    },
    searxngUrls: [],
    serviceUrl: (url) => url,
    ...overrides,
  };
}
