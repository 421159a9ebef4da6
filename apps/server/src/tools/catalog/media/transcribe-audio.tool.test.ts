import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createMediaHarness, createMemoryToolFiles, type MediaHarness } from '../../media/test-support.js';
import { createTestToolContext } from '../../test-support.js';
import { maxAudioBytes, transcribeAudioTool } from './transcribe-audio.tool.js';

let harness: MediaHarness;
const uploads = createMemoryToolFiles();
/** The start of a WAV file: RIFF header, WAVE, fmt chunk (content does not matter to the double). */
const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(24)]);

beforeAll(async () => {
  harness = await createMediaHarness();
  await harness.addProvider({ name: 'Groq', model: 'whisper-1', flags: { audioOnly: true } });
});
afterAll(() => harness.close());
beforeEach(() => {
  harness.double.forms.length = 0;
  harness.double.setTranscriptionScenario({ kind: 'transcript', text: 'Guten Morgen, willkommen zum Meeting.' });
});

async function run(args: unknown) {
  const context = createTestToolContext({ userId: harness.userId, media: harness.media, files: uploads.files });
  return transcribeAudioTool.execute(transcribeAudioTool.inputSchema.parse(args), context);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('transcribe_audio', () => {
  it('sends the upload with model, language and prompt as multipart and returns the transcript', async () => {
    const fileId = uploads.add(harness.userId, { filename: 'meeting.wav', mimeType: 'audio/wav', data: wav });
    const output = await run({ file_id: fileId, language: 'DE', prompt: 'ClaraVerse, Kickoff' });
    expect(output.result).toEqual({ text: 'Guten Morgen, willkommen zum Meeting.', model: 'whisper-1', file: 'meeting.wav', language: 'de' });
    const [form] = harness.double.forms;
    expect(form?.fields).toMatchObject({ model: 'whisper-1', language: 'de', prompt: 'ClaraVerse, Kickoff' });
    expect(form?.files.file).toMatchObject({ filename: 'meeting.wav', type: 'audio/wav' });
    expect(form?.files.file?.data.equals(wav)).toBe(true);
  });

  it('sends no language or prompt when none is given, and refuses a language that is not a code', async () => {
    const fileId = uploads.add(harness.userId, { filename: 'memo.wav', mimeType: 'audio/wav', data: wav });
    await run({ file_id: fileId });
    expect(harness.double.forms[0]?.fields.language).toBeUndefined();
    expect(harness.double.forms[0]?.fields.prompt).toBeUndefined();
    expect(transcribeAudioTool.inputSchema.safeParse({ file_id: fileId, language: 'English' }).success).toBe(false);
  });

  it('refuses a file that is not audio and one over 25 MB, before calling the provider', async () => {
    const pdfId = uploads.add(harness.userId, { filename: 'slides.pdf', mimeType: 'application/pdf', data: Buffer.from('%PDF-1.7\n') });
    const notAudio = await failure(run({ file_id: pdfId }));
    expect(notAudio.code).toBe('unsupported_media_type');
    expect(notAudio.message).toContain('slides.pdf is not an audio file (application/pdf)');
    const bigId = uploads.add(harness.userId, { filename: 'long.mp3', mimeType: 'audio/mpeg', data: Buffer.alloc(maxAudioBytes + 1) });
    const tooBig = await failure(run({ file_id: bigId }));
    expect(tooBig.code).toBe('payload_too_large');
    expect(tooBig.message).toContain('long.mp3 is 26 MB');
    expect((await failure(run({ file_id: 'file-unknown' }))).code).toBe('not_found');
    expect(harness.double.forms).toHaveLength(0);
  });

  it('passes a provider failure on as a sentence', async () => {
    harness.double.setTranscriptionScenario({ kind: 'status', status: 500 });
    const fileId = uploads.add(harness.userId, { filename: 'memo.wav', mimeType: 'audio/wav', data: wav });
    expect((await failure(run({ file_id: fileId }))).message).toBe('The audio transcription provider "Groq" is unavailable right now (HTTP 500); try again in a moment.');
  });
});
