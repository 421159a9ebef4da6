import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError, ValidationError } from '../../../platform/errors/app-error.js';
import { createTinyPng, readTinyPng } from '../../../test/tiny-png.js';
import { createMediaHarness, type MediaHarness } from '../../media/test-support.js';
import { createTestToolContext } from '../../test-support.js';
import { generateImageTool } from './generate-image.tool.js';
import { imageSizePresets, resolveImageSize } from './image-sizes.js';

let harness: MediaHarness;
beforeAll(async () => {
  harness = await createMediaHarness();
  await harness.addProvider({ name: 'Images', model: 'dall-e-3', flags: { imageOnly: true } });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.double.requests.length = 0;
  harness.double.setImageScenario({ kind: 'images' });
});

async function run(args: unknown) {
  const context = createTestToolContext({ userId: harness.userId, media: harness.media });
  return generateImageTool.execute(generateImageTool.inputSchema.parse(args), context);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('generate_image', () => {
  it('sends the prompt and the preset size, shows the PNG as a plot and tells the model only a summary', async () => {
    const made = createTinyPng(6, 3, [255, 200, 0]);
    harness.double.setImageScenario({ kind: 'images', images: [made] });
    const output = await run({ prompt: 'A sunflower field at dawn, watercolour', size: 'landscape' });
    expect(harness.double.requests[0]?.body).toEqual({
      model: 'dall-e-3', prompt: 'A sunflower field at dawn, watercolour', size: '1344x768', n: 1, response_format: 'b64_json',
    });
    expect(output.plots).toEqual([{ format: 'png', data: made.toString('base64') }]);
    expect(readTinyPng(Buffer.from(output.plots?.[0]?.data ?? '', 'base64'))).toMatchObject({ width: 6, height: 3 });
    expect(output.result).toEqual({
      model: 'dall-e-3', size: '1344x768', images: 1, message: 'Generated an image of 1344×768 pixels with dall-e-3; the user sees it in the chat.',
    });
    expect(JSON.stringify(output.result)).not.toContain(made.toString('base64').slice(0, 20));
  });

  it('uses square by default and accepts a custom size written loosely', async () => {
    await run({ prompt: 'A cat' });
    await run({ prompt: 'A cat', size: ' 800 X 600 ' });
    expect(harness.double.requests.map((request) => (request.body as { size: string }).size)).toEqual(['1024x1024', '800x600']);
  });

  it('refuses sizes outside 64–4096 and unknown presets before calling the provider, listing the presets', async () => {
    for (const size of ['5000x1000', '32x32', 'huge', '1024']) {
      const error = await failure(run({ prompt: 'A cat', size }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toContain('square, square_hd');
    }
    expect(harness.double.requests).toHaveLength(0);
    expect(generateImageTool.inputSchema.safeParse({ prompt: '' }).success).toBe(false);
  });

  it('passes the provider\'s refusal on as a sentence', async () => {
    harness.double.setImageScenario({ kind: 'status', status: 400, message: 'Your request was rejected as a result of our safety system.' });
    const error = await failure(run({ prompt: 'Something not allowed' }));
    expect(error.message).toBe('The image generation provider "Images" refused the request (HTTP 400): Your request was rejected as a result of our safety system.');
  });
});

describe('resolveImageSize', () => {
  it('knows every preset of the reference, with both sides in range', () => {
    expect(resolveImageSize('youtube_thumb')).toEqual({ width: 1280, height: 720, size: '1280x720' });
    expect(resolveImageSize('Instagram Story').size).toBe('1080x1920');
    expect(resolveImageSize('a4-portrait').size).toBe('1240x1754');
    expect(resolveImageSize('4096×64').size).toBe('4096x64');
    for (const [name, [width, height]] of Object.entries(imageSizePresets)) {
      expect(resolveImageSize(name)).toEqual({ width, height, size: `${width}x${height}` });
    }
  });
});
