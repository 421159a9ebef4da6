import { z } from 'zod';
import { AppError, ValidationError } from '../../../platform/errors/app-error.js';
import type { ToolContext } from '../../define-tool.js';
import { detectImageType, type ImageMimeType } from '../../media/image-type.js';

/** Largest image a media tool reads, bytes (the upload cap of images). */
export const maxImageBytes = 20 * 1024 * 1024;

/** The ways a media tool can be pointed at an image; exactly one is given. */
export const imageSourceFields = {
  image_url: z.url({ protocol: /^https?$/ }).max(4096).optional().describe('Public http(s) URL of the image'),
  image_id: z.string().trim().min(1).max(100).optional().describe('Handle of an image in this chat, e.g. "img-1"'),
  file_id: z.string().trim().min(1).max(200).optional().describe('Id of an image the user uploaded'),
};

export interface ImageSource {
  image_url?: string | undefined;
  image_id?: string | undefined;
  file_id?: string | undefined;
}

export interface LoadedImage {
  data: Buffer;
  mimeType: ImageMimeType;
  /** Where it came from, for the result: the file name, the handle or the URL. */
  label: string;
}

async function download(url: string, context: ToolContext): Promise<{ data: Buffer; label: string }> {
  const response = await context.http.request(url, { signal: context.signal, maxBytes: maxImageBytes, headers: { accept: 'image/*' } });
  if (response.status < 200 || response.status >= 300) {
    throw new AppError('upstream_unavailable', `Downloading the image from ${new URL(url).host} failed with HTTP ${response.status}.`);
  }
  return { data: response.body, label: url };
}

async function readBytes(source: ImageSource, given: string, context: ToolContext): Promise<{ data: Buffer; label: string }> {
  if (source.file_id !== undefined) {
    const file = await context.files.readUpload(context.userId, source.file_id);
    return { data: file.data, label: file.filename };
  }
  if (source.image_id !== undefined) {
    if (context.resolveImage === undefined) {
      throw new ValidationError(`Image handles such as "${source.image_id}" only work inside a chat; give file_id or image_url instead.`);
    }
    return { data: (await context.resolveImage(source.image_id)).data, label: source.image_id };
  }
  if (source.image_url !== undefined) return download(source.image_url, context);
  throw new ValidationError(`Give one of ${given} to say which image to use.`);
}

/**
 * Reads the one image `source` names: an upload of the user (`file_id`), an image of the chat (`image_id`) or
 * a URL (`image_url`, fetched through the SSRF-guarded client). Only the fields in `allowed` are accepted.
 * @throws ValidationError when none or several are given; AppError `payload_too_large` over 20 MB,
 *   `unsupported_media_type` when the bytes are not a PNG, JPEG, GIF or WebP image; what the file store,
 *   the chat or the HTTP client throw
 */
export async function loadImage(source: ImageSource, context: ToolContext, allowed: ReadonlyArray<keyof ImageSource> = ['image_url', 'image_id', 'file_id']): Promise<LoadedImage> {
  const given = allowed.filter((field) => source[field] !== undefined);
  const choices = allowed.join(', ');
  if (given.length > 1) throw new ValidationError(`Give only one of ${choices}; got ${given.join(' and ')}.`);
  const chosen = Object.fromEntries(given.map((field) => [field, source[field]])) as ImageSource;
  const { data, label } = await readBytes(chosen, choices, context);
  if (data.length > maxImageBytes) {
    throw new AppError('payload_too_large', `The image ${label} is larger than ${maxImageBytes / 1024 / 1024} MB; use a smaller one.`);
  }
  const mimeType = detectImageType(data);
  if (mimeType === null) throw new AppError('unsupported_media_type', `${label} is not a PNG, JPEG, GIF or WebP image.`);
  return { data, mimeType, label };
}
