import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError, NotFoundError, ValidationError } from '../../../platform/errors/app-error.js';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import { startDoubleServer, type DoubleServer } from '../../../test/llm-doubles/double-server.js';
import { chatImagesOf } from '../../../test/llm-doubles/openai-double.js';
import { createTinyPng } from '../../../test/tiny-png.js';
import type { ToolContext } from '../../define-tool.js';
import { createMediaHarness, createMemoryToolFiles, type MediaHarness } from '../../media/test-support.js';
import { createTestToolContext } from '../../test-support.js';
import { describeImageTool } from './describe-image.tool.js';

// The vision model is the OpenAI double on 127.0.0.1; image URLs are served by another loopback server that the
// SSRF-guarded client is allowed to reach for this test only.

let harness: MediaHarness;
let site: DoubleServer;
const png = createTinyPng(5, 4, [0, 0, 255]);
const uploads = createMemoryToolFiles();

beforeAll(async () => {
  harness = await createMediaHarness();
  await harness.addProvider({ name: 'Vision', model: 'gpt-4o' });
  site = await startDoubleServer(async ({ recorded, response }) => {
    if (recorded.path === '/cat.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('no such image');
  });
});
afterAll(async () => {
  await site.close();
  await harness.close();
});
beforeEach(() => {
  harness.double.requests.length = 0;
  harness.double.setScenario({ kind: 'reply', text: 'A blue rectangle on nothing.' });
});

function context(overrides: Partial<ToolContext> = {}): ToolContext {
  return createTestToolContext({
    userId: harness.userId, media: harness.media, files: uploads.files,
    http: createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 5_000, maxBytes: 50 * 1024 * 1024 }),
    ...overrides,
  });
}

async function run(args: unknown, toolContext = context()) {
  return describeImageTool.execute(describeImageTool.inputSchema.parse(args), toolContext);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The text and the image the vision model received in the last request. */
function lastVisionRequest(): { text: string; image: Buffer | undefined } {
  const body = harness.double.requests.at(-1)?.body as { messages: { content: Array<{ type: string; text?: string }> }[] };
  const text = body.messages[0]?.content.find((part) => part.type === 'text')?.text ?? '';
  return { text, image: chatImagesOf(body)[0]?.data };
}

describe('describe_image', () => {
  it('describes an uploaded image: the PNG and the question reach the vision model', async () => {
    const fileId = uploads.add(harness.userId, { filename: 'chart.png', mimeType: 'image/png', data: png });
    const output = await run({ file_id: fileId, question: 'What colour is the shape?', detail: 'brief' });
    expect(output).toEqual({ result: { description: 'A blue rectangle on nothing.', model: 'gpt-4o', image: 'chart.png', detail: 'brief' } });
    const sent = lastVisionRequest();
    expect(sent.image?.equals(png)).toBe(true);
    expect(sent.text).toContain('What colour is the shape?');
    expect(sent.text).toContain('two or three sentences');
  });

  it('downloads an image_url through the guarded client and asks for a detailed description by default', async () => {
    const output = await run({ image_url: `${site.origin}/cat.png` });
    expect(output.result).toMatchObject({ image: `${site.origin}/cat.png`, detail: 'detailed' });
    const sent = lastVisionRequest();
    expect(sent.image?.equals(png)).toBe(true);
    expect(sent.text).toMatch(/^Describe this image\.\n\nAnswer in detail/);
    expect((await failure(run({ image_url: `${site.origin}/missing.png` }))).message).toContain('failed with HTTP 404');
  });

  it('refuses a loopback image_url when the address is not allowed, without asking the model', async () => {
    const guarded = context({ http: createOutboundHttp({ allowlist: [], timeoutMs: 5_000, maxBytes: 1024 * 1024 }) });
    expect((await failure(run({ image_url: `${site.origin}/cat.png` }, guarded))).code).toBe('outbound_blocked');
    expect(harness.double.requests).toHaveLength(0);
  });

  it('resolves a chat image handle, and explains that handles need a chat', async () => {
    const withChat = context({ resolveImage: async (imageId) => {
      if (imageId !== 'img-2') throw new NotFoundError('image', imageId);
      return { data: png, mimeType: 'image/png' };
    } });
    expect((await run({ image_id: 'img-2' }, withChat)).result).toMatchObject({ image: 'img-2' });
    expect(lastVisionRequest().image?.equals(png)).toBe(true);
    expect((await failure(run({ image_id: 'img-9' }, withChat))).code).toBe('not_found');
    const outside = await failure(run({ image_id: 'img-2' }));
    expect(outside).toBeInstanceOf(ValidationError);
    expect(outside.message).toContain('only work inside a chat');
  });

  it('refuses no source, two sources, a file that is not an image and another user\'s upload, before any model call', async () => {
    expect((await failure(run({}))).message).toContain('Give one of image_url, image_id, file_id');
    const fileId = uploads.add(harness.userId, { filename: 'a.png', mimeType: 'image/png', data: png });
    expect((await failure(run({ file_id: fileId, image_url: `${site.origin}/cat.png` }))).message).toContain('Give only one of');
    const textId = uploads.add(harness.userId, { filename: 'notes.txt', mimeType: 'text/plain', data: Buffer.from('hello') });
    const notImage = await failure(run({ file_id: textId }));
    expect(notImage.code).toBe('unsupported_media_type');
    expect(notImage.message).toContain('notes.txt is not a PNG, JPEG, GIF or WebP image');
    const othersId = uploads.add('someone-else', { filename: 'secret.png', mimeType: 'image/png', data: png });
    expect((await failure(run({ file_id: othersId }))).code).toBe('not_found');
    expect(harness.double.requests).toHaveLength(0);
    expect(describeImageTool.inputSchema.safeParse({ file_id: fileId, detail: 'everything' }).success).toBe(false);
    expect(describeImageTool.inputSchema.safeParse({ image_url: 'file:///etc/passwd' }).success).toBe(false);
  });

  it('reports a vision provider failure as a sentence', async () => {
    harness.double.setScenario({ kind: 'status', status: 503 });
    const fileId = uploads.add(harness.userId, { filename: 'a.png', mimeType: 'image/png', data: png });
    const error = await failure(run({ file_id: fileId }));
    expect(error.message).toMatch(/^The vision model "gpt-4o" could not describe the image/);
  });
});
