import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailGetMessageTool } from './gmail-get-message.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_get_message', () => {
  it('fetches the message in full format and returns its text and attachment names', async () => {
    composio.actionData.set('GMAIL_FETCH_MESSAGE_BY_MESSAGE_ID', {
      messageId: 'm9', threadId: 't9', sender: 'ada@example.com', to: 'me@example.com', subject: 'Specs', messageTimestamp: '2025-03-01T08:00:00Z',
      labelIds: ['INBOX'], messageText: 'Here are the specs.', attachmentList: [{ filename: 'specs.pdf', mimeType: 'application/pdf', attachmentId: 'att-1' }],
    });
    const output = await runTool(gmailGetMessageTool, { message_id: 'm9' }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_FETCH_MESSAGE_BY_MESSAGE_ID', { message_id: 'm9', format: 'full' });
    expect(output.result).toEqual({
      id: 'm9', thread_id: 't9', from: 'ada@example.com', to: 'me@example.com', subject: 'Specs', date: '2025-03-01T08:00:00Z',
      labels: ['INBOX'], body: 'Here are the specs.', attachments: [{ filename: 'specs.pdf', mime_type: 'application/pdf' }],
    });
  });
});
