import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendGoogleChatMessageTool } from './send-google-chat-message.tool.js';

const webhook = 'https://chat.googleapis.com/v1/spaces/AAAA123/messages?key=k-1&token=t-2';
const created = { name: 'spaces/AAAA123/messages/M1.M1', createTime: '2025-01-02T03:04:05Z', thread: { name: 'spaces/AAAA123/threads/T1' }, space: { name: 'spaces/AAAA123', displayName: 'Ops' } };
let chatDouble: ScriptedDouble;

beforeAll(async () => {
  chatDouble = await startScriptedDouble();
});
afterAll(() => chatDouble.close());
beforeEach(() => chatDouble.reset());

function contextWith(values: Record<string, string> = { webhook_url: webhook }) {
  return createIntegrationTestContext({ baseUrls: ['https://chat.googleapis.com'], origin: chatDouble.origin, credentials: { google_chat: values } });
}

describe('send_google_chat_message', () => {
  it('posts the text to the webhook, keeping its key and token, and returns the message name', async () => {
    chatDouble.answer({ json: created });
    const output = await runTool(sendGoogleChatMessageTool, { text: '*Deploy* done' }, contextWith());
    expect(output.result).toEqual({ sent: true, messageName: created.name, thread: created.thread.name, space: 'Ops', createdAt: created.createTime });
    const [request] = chatDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/spaces/AAAA123/messages', query: { key: 'k-1', token: 't-2' }, body: { text: '*Deploy* done' } });
  });

  it('replies in a thread by key', async () => {
    chatDouble.answer({ json: created });
    await runTool(sendGoogleChatMessageTool, { text: 'again', thread_key: 'deploys' }, contextWith());
    expect(chatDouble.requests[0]!.query).toEqual({ key: 'k-1', token: 't-2', threadKey: 'deploys', messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' });
  });

  it('says Google Chat refused the credential on 401', async () => {
    chatDouble.answer({ status: 401, json: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } });
    await expect(runTool(sendGoogleChatMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/Google Chat refused the credential \(401\): Request had invalid authentication credentials/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    chatDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { error: { code: 429, status: 'RESOURCE_EXHAUSTED' } } }, { json: created });
    await runTool(sendGoogleChatMessageTool, { text: 'hi' }, contextWith());
    expect(chatDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page where JSON should be', async () => {
    chatDouble.answer(htmlAnswer);
    await expect(runTool(sendGoogleChatMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('rejects a missing webhook URL or one without its token, sending nothing', async () => {
    await expect(runTool(sendGoogleChatMessageTool, { text: 'hi' }, contextWith({}))).rejects.toThrow(/"webhook_url"/);
    await expect(runTool(sendGoogleChatMessageTool, { text: 'hi' }, contextWith({ webhook_url: 'https://chat.googleapis.com/v1/spaces/A/messages?key=k' }))).rejects.toThrow(/key=…&token=…/);
    expect(chatDouble.requests).toHaveLength(0);
  });
});
