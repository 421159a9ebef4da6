import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailSendDraftTool } from './gmail-send-draft.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_send_draft', () => {
  it('sends GMAIL_SEND_DRAFT with the draft id', async () => {
    composio.actionData.set('GMAIL_SEND_DRAFT', { id: 'msg-s', threadId: 'thr-s', labelIds: ['SENT'] });
    const output = await runTool(gmailSendDraftTool, { draft_id: 'r-123' }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_SEND_DRAFT', { draft_id: 'r-123' });
    expect(output.result).toEqual({ sent: true, draft_id: 'r-123', message_id: 'msg-s', thread_id: 'thr-s' });
  });
});
