import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { decodeImage, discord, discordWebhookUrl, embedColor, multipartBody } from './discord-api.js';

interface DiscordMessage {
  id: string;
  channel_id: string;
  attachments?: Array<{ url?: string; filename?: string }>;
}

/**
 * Posts through the user's Discord webhook (`POST <webhook>?wait=true`, which answers with the created message).
 * Text and an embed go as JSON; with `image_data` the request is multipart: `payload_json` plus the file as
 * `files[0]`, shown in the embed through `attachment://<name>`. Mentions are not parsed (`allowed_mentions`), so text
 * the model writes cannot ping @everyone or a role.
 */
export const sendDiscordMessageTool = defineTool({
  name: 'send_discord_message',
  displayName: 'Send Discord Message',
  description:
    'Posts a message to the Discord channel of the user\'s webhook: text (Discord markdown, up to 2000 characters), ' +
    'optionally an embed (title, description, colour) and an image (base64). Use it to notify a Discord server or ' +
    'share a result or a generated image there. Returns the message id and channel id.',
  icon: 'MessageCircle',
  category: 'integrations',
  integration: discord.id,
  keywords: ['discord', 'message', 'send', 'chat', 'channel', 'notify', 'webhook', 'embed', 'image', 'server'],
  inputSchema: z.object({
    content: z.string().max(2000).optional().describe('Message text (Discord markdown)'),
    username: z.string().min(1).max(80).optional().describe('Override the webhook\'s display name'),
    avatar_url: z.url({ protocol: /^https?$/ }).optional().describe('Override the webhook\'s avatar (image URL)'),
    embed_title: z.string().max(256).optional().describe('Embed title'),
    embed_description: z.string().max(4096).optional().describe('Embed body text'),
    embed_color: z.union([z.number().int().min(0).max(0xffffff), z.string()]).optional().describe('Embed colour: a number or hex like #5865F2'),
    image_data: z.string().max(12_000_000).optional().describe('An image to attach, base64 (PNG, JPEG, GIF or WebP, ≤ 8 MB)'),
  }),
  async execute(input, context) {
    const hasEmbed = Boolean(input.embed_title || input.embed_description);
    if (!input.content?.trim() && !hasEmbed && !input.image_data) {
      throw new ValidationError('Give the message content, an embed title/description or an image.');
    }
    const color = embedColor(input.embed_color);
    const image = input.image_data ? decodeImage(input.image_data) : undefined;
    const url = await discordWebhookUrl(context);
    const embed = hasEmbed || image
      ? {
          ...(input.embed_title ? { title: input.embed_title } : {}),
          ...(input.embed_description ? { description: input.embed_description } : {}),
          ...(color !== undefined ? { color } : {}),
          ...(image ? { image: { url: `attachment://${image.filename}` } } : {}),
        }
      : undefined;
    const payload = {
      ...(input.content ? { content: input.content } : {}),
      ...(input.username ? { username: input.username } : {}),
      ...(input.avatar_url ? { avatar_url: input.avatar_url } : {}),
      ...(embed ? { embeds: [embed] } : {}),
      ...(image ? { attachments: [{ id: 0, filename: image.filename }] } : {}),
      allowed_mentions: { parse: [] as string[] },
    };
    const request = image
      ? (() => {
          const { body, contentType } = multipartBody({ payload_json: JSON.stringify(payload) }, { field: 'files[0]', ...image });
          return { body, headers: { 'content-type': contentType } };
        })()
      : { json: payload };
    const { data } = await callService<DiscordMessage>(context, { service: 'Discord', method: 'POST', url, query: { wait: 'true' }, ...request });
    return {
      result: {
        sent: true,
        messageId: data.id,
        channelId: data.channel_id,
        ...(data.attachments?.[0]?.url ? { imageUrl: data.attachments[0].url } : {}),
      },
    };
  },
});
