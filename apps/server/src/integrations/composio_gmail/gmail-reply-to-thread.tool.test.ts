import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailReplyToThreadTool } from './gmail-reply-to-thread.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_reply_to_thread', () => {
  it('sends GMAIL_REPLY_TO_THREAD with the thread, recipient and message_body', async () => {
    composio.actionData.set('GMAIL_REPLY_TO_THREAD', { id: 'msg-r', threadId: 'thr-7', labelIds: ['SENT'] });
    const output = await runTool(gmailReplyToThreadTool, { thread_id: 'thr-7', to: 'ada@example.com', body: 'Thanks!', bcc: ['log@example.com'] }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_REPLY_TO_THREAD', {
      thread_id: 'thr-7', recipient_email: 'ada@example.com', message_body: 'Thanks!', bcc: ['log@example.com'],
    });
    expect(output.result).toEqual({ sent: true, message_id: 'msg-r', thread_id: 'thr-7' });
  });
});
