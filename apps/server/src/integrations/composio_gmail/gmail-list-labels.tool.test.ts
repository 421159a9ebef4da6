import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailListLabelsTool } from './gmail-list-labels.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_list_labels', () => {
  it('sends GMAIL_LIST_LABELS and returns id, name and type of each label', async () => {
    composio.actionData.set('GMAIL_LIST_LABELS', { labels: [{ id: 'INBOX', name: 'INBOX', type: 'system', messageListVisibility: 'show' }, { id: 'Label_5', name: 'Clients', type: 'user' }] });
    const output = await runTool(gmailListLabelsTool, {}, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_LIST_LABELS', {});
    expect(output.result).toEqual({ count: 2, labels: [{ id: 'INBOX', name: 'INBOX', type: 'system' }, { id: 'Label_5', name: 'Clients', type: 'user' }] });
  });
});
