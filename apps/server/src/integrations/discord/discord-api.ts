import { randomBytes } from 'node:crypto';
import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { requireCredential } from '../require-credential.js';
import { serviceWebhookUrl } from '../webhook-url.js';

export const discord = { id: 'discord', name: 'Discord' } as const;

/** Discord webhooks: `https://discord.com/api/webhooks/<id>/<token>` (discordapp.com and the ptb/canary hosts too). */
export const validateDiscordWebhookUrl = serviceWebhookUrl(
  ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'],
  '/api/webhooks/',
  'https://discord.com/api/webhooks/123…/abc…',
);

/** The webhook URL of the caller's Discord credential, checked again. */
export async function discordWebhookUrl(context: Pick<ToolContext, 'getCredential'>): Promise<string> {
  const url = (await requireCredential(context, discord, ['webhook_url'])).webhook_url!.trim();
  const problem = validateDiscordWebhookUrl(url);
  if (problem) throw new ValidationError(`The Discord credential's webhook URL is not valid: ${problem}`);
  return url;
}

/** The webhook object Discord returns for `GET <webhook>`. */
export interface DiscordWebhook {
  id: string;
  name: string | null;
  channel_id: string;
  guild_id?: string;
}

/** A `multipart/form-data` body with text parts and one file part (Discord's `payload_json` + `files[0]`). */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; filename: string; mimeType: string; data: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = `----claraverse${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: application/json\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const imageSignatures: ReadonlyArray<{ mimeType: string; extension: string; test: (data: Buffer) => boolean }> = [
  { mimeType: 'image/png', extension: 'png', test: (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mimeType: 'image/jpeg', extension: 'jpg', test: (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff },
  { mimeType: 'image/gif', extension: 'gif', test: (data) => data.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mimeType: 'image/webp', extension: 'webp', test: (data) => data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** Largest image uploaded with a message, bytes (Discord's smallest upload limit). */
export const maxImageBytes = 8 * 1024 * 1024;

/**
 * Decodes `image_data` (base64, with or without a `data:` prefix) and recognises its type from its bytes.
 * @throws ValidationError when it is not a PNG, JPEG, GIF or WebP, or too large
 */
export function decodeImage(imageData: string): { data: Buffer; mimeType: string; filename: string } {
  const base64 = imageData.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64)) throw new ValidationError('image_data must be base64 (optionally a data: URL).');
  const data = Buffer.from(base64, 'base64');
  if (data.length > maxImageBytes) throw new ValidationError('image_data is larger than Discord\'s 8 MB upload limit.');
  const kind = imageSignatures.find((signature) => signature.test(data));
  if (!kind) throw new ValidationError('image_data is not a PNG, JPEG, GIF or WebP image.');
  return { data, mimeType: kind.mimeType, filename: `image.${kind.extension}` };
}

/** `embed_color` as Discord's integer: a number, `#5865F2`, or `0x5865F2`. */
export function embedColor(color: number | string | undefined): number | undefined {
  if (color === undefined) return undefined;
  if (typeof color === 'number') return color;
  const hex = /^(?:#|0x)?([0-9a-f]{6})$/i.exec(color.trim());
  if (!hex) throw new ValidationError('embed_color must be a number or a hex colour like #5865F2.');
  return Number.parseInt(hex[1]!, 16);
}
