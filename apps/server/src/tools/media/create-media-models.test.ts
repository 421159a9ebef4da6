import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { chatImagesOf } from '../../test/llm-doubles/openai-double.js';
import { createTinyPng, readTinyPng } from '../../test/tiny-png.js';
import { audioFilename } from './create-media-models.js';
import { createMediaHarness, mediaTestApiKey, type MediaHarness } from './test-support.js';

let harness: MediaHarness;
beforeEach(async () => {
  // Short enough for the hang tests, long enough for a loaded machine.
  harness = await createMediaHarness({ imageTimeoutMs: 3_000, transcriptionTimeoutMs: 3_000 });
});
afterEach(() => harness.close());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const imageFlags = { imageOnly: true };

describe('MediaModels.describeImage', () => {
  it("sends the image as a PNG data URL with the question to the user's first vision-capable model", async () => {
    await harness.addProvider({ name: 'Text only', model: 'llama-3-8b' });
    await harness.addProvider({ name: 'Vision', model: 'gpt-4o' });
    harness.double.setScenario({ kind: 'reply', text: 'A small red square.' });
    const png = createTinyPng(3, 3);
    const result = await harness.media.describeImage(harness.userId, { data: png, mimeType: 'image/png' }, 'What colour is it?');
    expect(result).toEqual({ text: 'A small red square.', model: 'gpt-4o' });
    const [request] = harness.double.requests;
    expect(request?.body).toMatchObject({ model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'What colour is it?' }, { type: 'image_url' }] }] });
    const [image] = chatImagesOf(request?.body);
    expect(image?.mimeType).toBe('image/png');
    expect(image?.data?.equals(png)).toBe(true);
  });

  it('explains that no vision model is available, and turns a provider failure into an AppError', async () => {
    await harness.addProvider({ name: 'Text only', model: 'llama-3-8b' });
    const image = { data: createTinyPng(), mimeType: 'image/png' };
    expect((await failure(harness.media.describeImage(harness.userId, image, 'What is it?'))).code).toBe('service_unavailable');
    await harness.addProvider({ name: 'Vision', model: 'gpt-4o' });
    harness.double.setScenario({ kind: 'status', status: 401 });
    const rejected = await failure(harness.media.describeImage(harness.userId, image, 'What is it?'));
    expect(rejected.code).toBe('upstream_unavailable');
    expect(rejected.message).toMatch(/gpt-4o.*API key/);
    expect(rejected.message).not.toContain(mediaTestApiKey);
  });
});

describe('MediaModels.generateImage', () => {
  it('posts model, prompt, size, n and response_format b64_json and returns the decoded PNGs', async () => {
    await harness.addProvider({ name: 'Images', model: 'dall-e-3', flags: imageFlags });
    harness.double.setImageScenario({ kind: 'images', images: [createTinyPng(4, 2, [0, 128, 0]), createTinyPng(1, 1)] });
    const result = await harness.media.generateImage(harness.userId, { prompt: 'A green field', size: '1344x768', n: 2 });
    expect(harness.double.requests[0]).toMatchObject({
      path: '/v1/images/generations',
      body: { model: 'dall-e-3', prompt: 'A green field', size: '1344x768', n: 2, response_format: 'b64_json' },
    });
    expect(harness.double.requests[0]?.headers.authorization).toBe(`Bearer ${mediaTestApiKey}`);
    expect(result.model).toBe('dall-e-3');
    expect(result.images.map((image) => image.mimeType)).toEqual(['image/png', 'image/png']);
    expect(readTinyPng(result.images[0]!.data)).toEqual({ width: 4, height: 2, firstPixel: [0, 128, 0] });
    expect(harness.logLines.join('\n')).not.toContain('A green field');
  });

  it('leaves response_format out for gpt-image models, which always answer in base64', async () => {
    await harness.addProvider({ name: 'GPT Image', model: 'gpt-image-1', flags: imageFlags });
    await harness.media.generateImage(harness.userId, { prompt: 'A cat', size: '1024x1024' });
    expect(harness.double.requests[0]?.body).toEqual({ model: 'gpt-image-1', prompt: 'A cat', size: '1024x1024', n: 1 });
  });

  it('fails clearly without an image provider, on URL answers, on errors, on non-images and after the timeout', async () => {
    const request = { prompt: 'A cat', size: '1024x1024' };
    const missing = await failure(harness.media.generateImage(harness.userId, request));
    expect(missing.code).toBe('service_unavailable');
    expect(missing.message).toContain('No image generation provider is set up');

    await harness.addProvider({ name: 'Images', model: 'dall-e-3', flags: imageFlags });
    harness.double.setImageScenario({ kind: 'images', answerWith: 'url' });
    expect((await failure(harness.media.generateImage(harness.userId, request))).message).toContain('image links instead of image data');

    harness.double.setImageScenario({ kind: 'status', status: 400, message: `Your request was rejected by the safety system. key=${mediaTestApiKey}` });
    const refused = await failure(harness.media.generateImage(harness.userId, request));
    expect(refused.message).toContain('refused the request (HTTP 400): Your request was rejected by the safety system');
    expect(refused.message).not.toContain(mediaTestApiKey);

    harness.double.setImageScenario({ kind: 'status', status: 429 });
    expect((await failure(harness.media.generateImage(harness.userId, request))).code).toBe('rate_limited');
    harness.double.setImageScenario({ kind: 'status', status: 503 });
    expect((await failure(harness.media.generateImage(harness.userId, request))).message).toContain('unavailable right now (HTTP 503)');

    harness.double.setImageScenario({ kind: 'images', images: [Buffer.from('definitely not an image')] });
    expect((await failure(harness.media.generateImage(harness.userId, request))).message).toContain('not a PNG, JPEG, GIF or WebP image');

    harness.double.setImageScenario({ kind: 'hang' });
    const timedOut = await failure(harness.media.generateImage(harness.userId, request));
    expect(timedOut.code).toBe('outbound_timeout');
    await expect(harness.double.waitForAborted(1)).resolves.toHaveLength(1);
  });

  it('stops the upstream request when the caller aborts, rejecting with the abort reason', async () => {
    await harness.addProvider({ name: 'Images', model: 'dall-e-3', flags: imageFlags });
    harness.double.setImageScenario({ kind: 'hang' });
    const controller = new AbortController();
    const pending = harness.media.generateImage(harness.userId, { prompt: 'A cat', size: '512x512' }, controller.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(harness.double.requests).toHaveLength(1));
    controller.abort(new Error('stopped by the user'));
    expect(await pending).toMatchObject({ message: 'stopped by the user' });
    await expect(harness.double.waitForAborted(1)).resolves.toHaveLength(1);
  });

  it('refuses an answer larger than the size cap', async () => {
    await harness.close();
    harness = await createMediaHarness({ maxResponseBytes: 1024 });
    await harness.addProvider({ name: 'Images', model: 'dall-e-3', flags: imageFlags });
    harness.double.setImageScenario({ kind: 'images', images: [Buffer.concat([createTinyPng(), randomBytes(4096)])] });
    const error = await failure(harness.media.generateImage(harness.userId, { prompt: 'A cat', size: '1024x1024' }));
    expect(error.code).toBe('response_too_large');
  });
});

describe('MediaModels.editImage', () => {
  it('sends a multipart edit to the image-edit provider (preferred over image-only) with the source image', async () => {
    await harness.addProvider({ name: 'Generator', model: 'dall-e-3', flags: imageFlags });
    await harness.addProvider({ name: 'Editor', model: 'gpt-image-1', flags: { imageEditOnly: true } });
    harness.double.setImageScenario({ kind: 'images', images: [createTinyPng(2, 2, [0, 0, 255])] });
    const source = createTinyPng(8, 8);
    const result = await harness.media.editImage(harness.userId, { prompt: 'Make it blue', image: { data: source, mimeType: 'image/png' }, size: '1024x1024' });
    expect(result.model).toBe('gpt-image-1');
    expect(readTinyPng(result.images[0]!.data).firstPixel).toEqual([0, 0, 255]);
    const [form] = harness.double.forms;
    expect(form).toMatchObject({ path: '/v1/images/edits', fields: { model: 'gpt-image-1', prompt: 'Make it blue', size: '1024x1024', n: '1' } });
    expect(form?.fields.response_format).toBeUndefined();
    expect(form?.files.image).toMatchObject({ filename: 'image.png', type: 'image/png' });
    expect(form?.files.image?.data.equals(source)).toBe(true);
  });

  it('falls back to the image-only provider, and explains when neither exists', async () => {
    const request = { prompt: 'Add a hat', image: { data: createTinyPng(), mimeType: 'image/png' } };
    const missing = await failure(harness.media.editImage(harness.userId, request));
    expect(missing.message).toContain('"image edit only" or "image only" flag');
    await harness.addProvider({ name: 'Generator', model: 'dall-e-3', flags: imageFlags });
    expect((await harness.media.editImage(harness.userId, request)).model).toBe('dall-e-3');
    expect(harness.double.forms[0]?.fields).toMatchObject({ model: 'dall-e-3', response_format: 'b64_json' });
    expect(harness.double.forms[0]?.fields.size).toBeUndefined();
  });
});

describe('MediaModels.transcribe', () => {
  it('sends model, file, language and prompt as multipart and returns the text', async () => {
    await harness.addProvider({ name: 'Whisper', model: 'whisper-1', flags: { audioOnly: true } });
    harness.double.setTranscriptionScenario({ kind: 'transcript', text: 'Bonjour à tous.' });
    const audio = Buffer.from('ID3\u0004\u0000\u0000 fake mp3 frames');
    const result = await harness.media.transcribe(harness.userId, { data: audio, mimeType: 'audio/mpeg', filename: 'réunion.mp3' }, { language: 'fr', prompt: 'Réunion' });
    expect(result).toEqual({ text: 'Bonjour à tous.', model: 'whisper-1' });
    const [form] = harness.double.forms;
    expect(form).toMatchObject({ path: '/v1/audio/transcriptions', fields: { model: 'whisper-1', language: 'fr', prompt: 'Réunion', response_format: 'json' } });
    expect(form?.files.file).toMatchObject({ filename: 'réunion.mp3', type: 'audio/mpeg' });
    expect(form?.files.file?.data.equals(audio)).toBe(true);
  });

  it('names the file with an extension the endpoint accepts, and explains failures', async () => {
    expect([audioFilename('voice', 'audio/ogg'), audioFilename('memo.bin', 'audio/x-m4a'), audioFilename('a.WAV', 'audio/wav')]).toEqual(['voice.ogg', 'memo.bin.m4a', 'a.WAV']);
    const audio = { data: Buffer.from('OggS fake'), mimeType: 'audio/ogg', filename: 'voice' };
    expect((await failure(harness.media.transcribe(harness.userId, audio))).message).toContain('No audio transcription provider is set up');
    await harness.addProvider({ name: 'Whisper', model: 'whisper-1', flags: { audioOnly: true } });
    expect((await harness.media.transcribe(harness.userId, audio)).text).toBe('Hello from the audio double.');
    expect(harness.double.forms[0]?.files.file?.filename).toBe('voice.ogg');
    harness.double.setTranscriptionScenario({ kind: 'hang' });
    expect((await failure(harness.media.transcribe(harness.userId, audio))).code).toBe('outbound_timeout');
  });
});
