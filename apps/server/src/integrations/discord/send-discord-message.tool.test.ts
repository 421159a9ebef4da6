import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendDiscordMessageTool } from './send-discord-message.tool.js';

const webhook = 'https://discord.com/api/webhooks/111/tok-en';
const message = { id: '900', channel_id: '222', content: 'hi', attachments: [] };
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest-of-png')]);
let discordDouble: ScriptedDouble;

beforeAll(async () => {
  discordDouble = await startScriptedDouble();
});
afterAll(() => discordDouble.close());
beforeEach(() => discordDouble.reset());

function contextWith(values: Record<string, string> = { webhook_url: webhook }) {
  return createIntegrationTestContext({ baseUrls: ['https://discord.com'], origin: discordDouble.origin, credentials: { discord: values } });
}

/** The parts of a multipart/form-data body, by name. */
function multipartParts(raw: Buffer, contentType: string): Map<string, { headers: string; data: Buffer }> {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  const parts = new Map<string, { headers: string; data: Buffer }>();
  const text = raw.toString('latin1');
  for (const chunk of text.split(`--${boundary}`).slice(1, -1)) {
    const [headers, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(headers!)![1]!;
    parts.set(name, { headers: headers!, data: Buffer.from(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1') });
  }
  return parts;
}

describe('send_discord_message', () => {
  it('posts content and an embed as JSON with wait=true and returns the message id', async () => {
    discordDouble.answer({ json: message });
    const output = await runTool(
      sendDiscordMessageTool,
      { content: 'hi', username: 'Clara', embed_title: 'Report', embed_description: 'All good', embed_color: '#5865F2' },
      contextWith(),
    );
    expect(output.result).toEqual({ sent: true, messageId: '900', channelId: '222' });
    const [request] = discordDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/webhooks/111/tok-en', query: { wait: 'true' } });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      content: 'hi',
      username: 'Clara',
      embeds: [{ title: 'Report', description: 'All good', color: 0x5865f2 }],
      allowed_mentions: { parse: [] },
    });
  });

  it('uploads image_data as files[0] beside payload_json, shown in the embed', async () => {
    discordDouble.answer({ json: { ...message, attachments: [{ url: 'https://cdn.discordapp.com/attachments/222/1/image.png', filename: 'image.png' }] } });
    const output = await runTool(sendDiscordMessageTool, { content: 'chart', image_data: `data:image/png;base64,${png.toString('base64')}` }, contextWith());
    expect(output.result).toMatchObject({ messageId: '900', imageUrl: 'https://cdn.discordapp.com/attachments/222/1/image.png' });
    const [request] = discordDouble.requests;
    const contentType = request!.headers['content-type']!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parts = multipartParts(request!.rawBody, contentType);
    expect(JSON.parse(parts.get('payload_json')!.data.toString('utf8'))).toEqual({
      content: 'chart',
      embeds: [{ image: { url: 'attachment://image.png' } }],
      attachments: [{ id: 0, filename: 'image.png' }],
      allowed_mentions: { parse: [] },
    });
    const file = parts.get('files[0]')!;
    expect(file.headers).toContain('filename="image.png"');
    expect(file.headers).toContain('Content-Type: image/png');
    expect(file.data.equals(png)).toBe(true);
  });

  it('says Discord refused the credential on 401', async () => {
    discordDouble.answer({ status: 401, json: { message: 'Invalid Webhook Token', code: 50027 } });
    await expect(runTool(sendDiscordMessageTool, { content: 'hi' }, contextWith())).rejects.toThrow(/Discord refused the credential \(401\): Invalid Webhook Token/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    discordDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { message: 'You are being rate limited.', retry_after: 0.5, global: false } }, { json: message });
    await runTool(sendDiscordMessageTool, { content: 'hi' }, contextWith());
    expect(discordDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page where Discord\'s JSON should be', async () => {
    discordDouble.answer(htmlAnswer);
    await expect(runTool(sendDiscordMessageTool, { content: 'hi' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('rejects a missing webhook, bad image data and an empty message before sending', async () => {
    await expect(runTool(sendDiscordMessageTool, { content: 'hi' }, contextWith({}))).rejects.toThrow(/"webhook_url"/);
    await expect(runTool(sendDiscordMessageTool, { content: 'hi' }, contextWith({ webhook_url: 'https://discord.com.evil.example/api/webhooks/1/2' }))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(runTool(sendDiscordMessageTool, { image_data: Buffer.from('not an image').toString('base64') }, contextWith())).rejects.toThrow(/not a PNG, JPEG/);
    await expect(runTool(sendDiscordMessageTool, { embed_color: 'blue', content: 'x' }, contextWith())).rejects.toThrow(/embed_color/);
    await expect(runTool(sendDiscordMessageTool, {}, contextWith())).rejects.toThrow(/Give the message content/);
    expect(discordDouble.requests).toHaveLength(0);
  });
});
