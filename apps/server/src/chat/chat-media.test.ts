import type { ChatServerMessage } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../files/test-support.js';
import { connectChat, startChatHarness, type ChatHarness } from '../test/chat-harness.js';
import { bearer } from '../test/factories.js';
import type { DirectScenario } from '../test/llm-doubles/scenarios.js';
import { createTinyPng } from '../test/tiny-png.js';

type Reply = Extract<ChatServerMessage, { seq: number }>;
interface OpenAiMessage { role: string; content?: unknown }
const toolMessages = (body: unknown) => ((body as { messages?: OpenAiMessage[] }).messages ?? []).filter((message) => message.role === 'tool');

let harness: ChatHarness;
beforeAll(async () => {
  harness = await startChatHarness();
  // An image-generation provider at the same double (its image endpoints), as an admin would add it.
  const created = await harness.app.http.inject({
    method: 'POST', url: '/api/admin/providers', headers: bearer(harness.admin.accessToken),
    payload: { name: 'Images', kind: 'openai-compatible', baseUrl: harness.double.baseUrl, apiKey: 'test-key', enabled: true, flags: { imageOnly: true } },
  });
  const providerId = created.json<{ provider: { id: string } }>().provider.id;
  await harness.app.http.inject({ method: 'POST', url: `/api/admin/providers/${providerId}/fetch-models`, headers: bearer(harness.admin.accessToken) });
});
afterAll(() => harness.close());

async function upload(filename: string, data: Buffer | string, contentType: string): Promise<string> {
  const response = await harness.app.http.inject({
    method: 'POST', url: '/api/upload', ...(() => { const body = multipartBody({ filename, data, contentType }); return { payload: body.payload, headers: { ...body.headers, ...bearer(harness.admin.accessToken) } }; })(),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ fileId: string }>().fileId;
}

let sequence = 0;
async function chat(content: string, extra: Record<string, unknown> = {}) {
  sequence += 1;
  const request = { type: 'chat.send', conversationId: `media-${sequence}`, messageId: `media-msg-${sequence}`, modelId: harness.modelId, messages: [{ role: 'user', content, ...(extra.attachments ? { attachments: extra.attachments } : {}) }], ...(extra.images ? { images: extra.images } : {}) };
  const client = await connectChat(harness.baseUrl, harness.admin.accessToken);
  client.send(request);
  await client.waitFor((message) => message.type === 'chat.finish' && message.conversationId === request.conversationId, 20_000);
  await client.close();
  return client.received.filter((message): message is Reply => (message as Reply).conversationId === request.conversationId);
}
const upstreamAbout = (marker: string) =>
  harness.double.requests.filter((request) => request.path === '/v1/chat/completions' && (request.body as { stream?: boolean }).stream === true && JSON.stringify(request.body).includes(marker)).map((request) => request.body);

describe('images and attachments in chat', () => {
  it('gives generated images handles, keeps them, and lets a later tool call use one by handle', async () => {
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => {
        const done = toolMessages(body).length;
        if (done === 0) return { kind: 'reply', toolCalls: [{ id: 'call_gen', name: 'generate_image', arguments: { prompt: 'a red square', size: 'square' } }] };
        if (done === 1) return { kind: 'reply', toolCalls: [{ id: 'call_edit', name: 'edit_image', arguments: { prompt: 'make it blue', image_id: 'img-1' } }] };
        return { kind: 'reply', text: 'Here are both images.' };
      },
    });
    const reply = await chat('Draw a red square, then make it blue');
    const results = reply.filter((message) => message.type === 'chat.tool-result');
    expect(results.map((message) => message.status)).toEqual(['completed', 'completed']);
    const [generated, edited] = results;
    expect(generated?.plots?.[0]?.data).toBeTruthy();
    expect(generated?.images).toEqual([{ handle: 'img-1', fileId: expect.any(String), mimeType: 'image/png' }]);
    expect(edited?.images).toEqual([{ handle: 'img-2', fileId: expect.any(String), mimeType: 'image/png' }]);
    // The model was told the handle, without the image data.
    const bodies = upstreamAbout('Draw a red square');
    const firstResult = String(toolMessages(bodies[1])[0]?.content);
    expect(firstResult).toContain('Images: img-1');
    expect(firstResult).not.toContain(generated?.plots?.[0]?.data ?? 'never');
    // The edit got exactly the generated image's bytes.
    const edit = harness.double.forms.find((form) => form.path.endsWith('/images/edits'));
    const imageFile = edit?.files.image ?? edit?.files['image[]'];
    expect(imageFile?.data.toString('base64')).toBe(generated?.plots?.[0]?.data);
    // The kept image is the user's upload.
    const kept = await harness.app.http.inject({ method: 'GET', url: `/api/upload/${generated?.images?.[0]?.fileId ?? ''}`, headers: bearer(harness.admin.accessToken) });
    expect(kept.statusCode).toBe(200);
  });

  it('resolves handles of earlier turns from what the browser sends, and says so when a handle is unknown', async () => {
    const fileId = await upload('earlier.png', createTinyPng(3, 3, [0, 128, 0]), 'image/png');
    harness.double.setScenario({
      kind: 'dynamic',
      respond: (body): DirectScenario => toolMessages(body).length === 0
        ? { kind: 'reply', toolCalls: [{ id: 'call_a', name: 'edit_image', arguments: { prompt: 'add a border', image_id: 'img-4' } }, { id: 'call_b', name: 'edit_image', arguments: { prompt: 'x', image_id: 'img-9' } }] }
        : { kind: 'reply', text: 'Edited.' },
    });
    const before = harness.double.forms.length;
    const reply = await chat('Edit image 4', { images: [{ handle: 'img-4', fileId }] });
    const results = reply.filter((message) => message.type === 'chat.tool-result');
    expect(results.find((message) => message.toolCallId === 'call_a')).toMatchObject({ status: 'completed', images: [{ handle: 'img-5' }] });
    expect(results.find((message) => message.toolCallId === 'call_b')).toMatchObject({ status: 'failed', result: { error: expect.stringContaining('img-9') } });
    const edits = harness.double.forms.slice(before).filter((form) => form.path.endsWith('/images/edits'));
    expect(edits).toHaveLength(1);
    const sent = edits[0]?.files.image ?? edits[0]?.files['image[]'];
    expect(sent?.data.equals(createTinyPng(3, 3, [0, 128, 0]))).toBe(true);
  });

  it('sends image attachments to a vision model as images and names other files so tools can read them', async () => {
    await harness.app.http.inject({
      method: 'PATCH', url: `/api/admin/models/${harness.modelId}`, headers: bearer(harness.admin.accessToken),
      payload: { capabilities: { vision: true } },
    });
    const png = createTinyPng(4, 4, [0, 0, 255]);
    const imageId = await upload('photo.png', png, 'image/png');
    const csvId = await upload('sales.csv', 'region,amount\nnorth,10\nsouth,20\n', 'text/csv');
    harness.double.setScenario({ kind: 'reply', text: 'I see a blue square.' });
    await chat('What is in these files?', {
      attachments: [{ fileId: imageId, filename: 'photo.png', mimeType: 'image/png' }, { fileId: csvId, filename: 'sales.csv', mimeType: 'text/csv' }],
    });
    const [body] = upstreamAbout('What is in these files?');
    const user = (body as { messages: Array<{ role: string; content: unknown }> }).messages.find((message) => message.role === 'user');
    const parts = user?.content as Array<{ type: string; text?: string; image_url?: { url: string } }>;
    expect(parts[0]).toEqual({ type: 'text', text: 'What is in these files?' });
    expect(parts.find((part) => part.type === 'image_url')?.image_url?.url).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(parts.find((part) => part.text?.includes('sales.csv'))?.text).toContain(`file_id "${csvId}"`);
  });
});
