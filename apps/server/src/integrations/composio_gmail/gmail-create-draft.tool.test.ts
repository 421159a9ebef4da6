import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailCreateDraftTool } from './gmail-create-draft.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_create_draft', () => {
  it('sends GMAIL_CREATE_EMAIL_DRAFT and returns the draft id for gmail_send_draft', async () => {
    composio.actionData.set('GMAIL_CREATE_EMAIL_DRAFT', { id: 'r-123', message: { id: 'msg-d', threadId: 'thr-d', labelIds: ['DRAFT'] } });
    const output = await runTool(gmailCreateDraftTool, { to: 'ada@example.com', subject: 'Draft', body: 'Text', thread_id: 'thr-d' }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_CREATE_EMAIL_DRAFT', { recipient_email: 'ada@example.com', subject: 'Draft', body: 'Text', thread_id: 'thr-d' });
    expect(output.result).toEqual({ draft_id: 'r-123', message_id: 'msg-d', thread_id: 'thr-d', to: 'ada@example.com', subject: 'Draft' });
  });
});
