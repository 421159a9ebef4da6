import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';

/** Largest audio file sent for transcription, bytes (the OpenAI endpoint's limit and the audio upload cap). */
export const maxAudioBytes = 25 * 1024 * 1024;

function isAudio(mimeType: string): boolean {
  return mimeType.startsWith('audio/') || mimeType === 'video/webm' || mimeType === 'video/mp4';
}

export const transcribeAudioTool = defineTool({
  name: 'transcribe_audio',
  displayName: 'Transcribe Audio',
  description:
    'Turns speech in an audio file the user uploaded (MP3, WAV, M4A, WebM, OGG, FLAC; up to 25 MB) into text with the ' +
    'speech-to-text model an administrator set up. Give file_id; language (ISO 639-1, e.g. "en", "de") and a prompt ' +
    '(names, jargon, the previous sentence) improve accuracy. Returns the transcript.',
  icon: 'AudioLines',
  category: 'media',
  keywords: ['audio', 'speech', 'voice', 'transcribe', 'transcript', 'whisper', 'speech to text', 'recording', 'meeting', 'podcast', 'dictation'],
  inputSchema: z.object({
    file_id: z.string().trim().min(1).max(200).describe('Id of the audio file the user uploaded'),
    language: z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'Use an ISO 639-1 code such as "en" or "fr"').optional()
      .describe('Spoken language as an ISO 639-1 code ("en", "fr"); detected when left out'),
    prompt: z.string().trim().min(1).max(1_000).optional().describe('Words to expect: names, terms, or the text before this recording'),
  }),
  timeoutMs: 310_000,
  async execute({ file_id: fileId, language, prompt }, context) {
    const file = await context.files.readUpload(context.userId, fileId);
    if (!isAudio(file.mimeType)) {
      throw new AppError('unsupported_media_type', `${file.filename} is not an audio file (${file.mimeType}); upload MP3, WAV, M4A, WebM, OGG or FLAC.`);
    }
    if (file.data.length > maxAudioBytes) {
      const megabytes = Math.ceil(file.data.length / 1024 / 1024);
      throw new AppError('payload_too_large', `${file.filename} is ${megabytes} MB; transcription takes at most 25 MB. Split or compress the recording.`);
    }
    const transcript = await context.media.transcribe(
      context.userId,
      { data: file.data, mimeType: file.mimeType, filename: file.filename },
      { ...(language === undefined ? {} : { language }), ...(prompt === undefined ? {} : { prompt }) },
      context.signal,
    );
    return { result: { text: transcript.text, model: transcript.model, file: file.filename, ...(language === undefined ? {} : { language }) } };
  },
});
