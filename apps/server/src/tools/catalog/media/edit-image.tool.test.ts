import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError, ValidationError } from '../../../platform/errors/app-error.js';
import { createTinyPng, readTinyPng } from '../../../test/tiny-png.js';
import type { ToolContext } from '../../define-tool.js';
import { createMediaHarness, createMemoryToolFiles, type MediaHarness } from '../../media/test-support.js';
import { createTestToolContext } from '../../test-support.js';
import { editImageTool } from './edit-image.tool.js';

let harness: MediaHarness;
const uploads = createMemoryToolFiles();
const source = createTinyPng(8, 8, [255, 255, 255]);
const edited = createTinyPng(8, 8, [0, 0, 0]);

beforeAll(async () => {
  harness = await createMediaHarness();
  await harness.addProvider({ name: 'Editor', model: 'gpt-image-1', flags: { imageEditOnly: true } });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.double.forms.length = 0;
  harness.double.requests.length = 0;
  harness.double.setImageScenario({ kind: 'images', images: [edited] });
});

function context(overrides: Partial<ToolContext> = {}): ToolContext {
  return createTestToolContext({ userId: harness.userId, media: harness.media, files: uploads.files, ...overrides });
}

async function run(args: unknown, toolContext = context()) {
  return editImageTool.execute(editImageTool.inputSchema.parse(args), toolContext);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('edit_image', () => {
  it('sends an uploaded image, the prompt and the size as multipart and shows the edited image', async () => {
    const fileId = uploads.add(harness.userId, { filename: 'photo.png', mimeType: 'image/png', data: source });
    const output = await run({ prompt: 'Paint it black', file_id: fileId, size: 'square_small' });
    const [form] = harness.double.forms;
    expect(form?.fields).toMatchObject({ model: 'gpt-image-1', prompt: 'Paint it black', size: '512x512' });
    expect(form?.files.image?.data.equals(source)).toBe(true);
    expect(readTinyPng(Buffer.from(output.plots?.[0]?.data ?? '', 'base64')).firstPixel).toEqual([0, 0, 0]);
    expect(output.result).toEqual({
      model: 'gpt-image-1', source: 'photo.png', size: '512x512', message: 'Edited photo.png with gpt-image-1; the user sees the result in the chat.',
    });
  });

  it('edits a chat image by its handle and leaves the size to the provider when none is given', async () => {
    const withChat = context({ resolveImage: async () => ({ data: source, mimeType: 'image/png' }) });
    const output = await run({ prompt: 'Add a red hat', image_id: 'img-1' }, withChat);
    expect(output.result).toMatchObject({ source: 'img-1' });
    expect(harness.double.forms[0]?.fields.size).toBeUndefined();
    expect(harness.double.forms[0]?.files.image?.data.equals(source)).toBe(true);
  });

  it('refuses a missing source, a URL source, a bad size and a non-image before calling the provider', async () => {
    expect((await failure(run({ prompt: 'x' }))).message).toContain('Give one of image_id, file_id');
    expect((await failure(run({ prompt: 'x', image_url: 'https://example.com/a.png' }))).message).toContain('Give one of image_id, file_id');
    const fileId = uploads.add(harness.userId, { filename: 'photo.png', mimeType: 'image/png', data: source });
    expect(await failure(run({ prompt: 'x', file_id: fileId, size: '10x10' }))).toBeInstanceOf(ValidationError);
    const pdfId = uploads.add(harness.userId, { filename: 'doc.pdf', mimeType: 'application/pdf', data: Buffer.from('%PDF-1.7\n') });
    expect((await failure(run({ prompt: 'x', file_id: pdfId }))).code).toBe('unsupported_media_type');
    expect(harness.double.requests).toHaveLength(0);
  });
});
