import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailAddLabelTool } from './gmail-add-label.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_add_label', () => {
  it('sends GMAIL_ADD_LABEL_TO_EMAIL with labels to add and remove and returns the labels after', async () => {
    composio.actionData.set('GMAIL_ADD_LABEL_TO_EMAIL', { id: 'm-1', threadId: 't-1', labelIds: ['STARRED', 'Label_5'] });
    const output = await runTool(gmailAddLabelTool, { message_id: 'm-1', add_label_ids: ['STARRED', 'Label_5'], remove_label_ids: ['INBOX'] }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_ADD_LABEL_TO_EMAIL', { message_id: 'm-1', add_label_ids: ['STARRED', 'Label_5'], remove_label_ids: ['INBOX'] });
    expect(output.result).toEqual({ message_id: 'm-1', labels: ['STARRED', 'Label_5'] });
  });

  it('refuses a call with no label to change, without a request', async () => {
    const before = composio.requests.length;
    await expect(runTool(gmailAddLabelTool, { message_id: 'm-1' }, composioToolContext(composio, 'composio_gmail'))).rejects.toThrow(/add_label_ids or remove_label_ids/);
    expect(composio.requests.length).toBe(before);
  });
});
