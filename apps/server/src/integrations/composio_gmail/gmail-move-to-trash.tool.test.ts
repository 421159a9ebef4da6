import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailMoveToTrashTool } from './gmail-move-to-trash.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_move_to_trash', () => {
  it('sends GMAIL_MOVE_TO_TRASH with the message id', async () => {
    composio.actionData.set('GMAIL_MOVE_TO_TRASH', { id: 'm-3', threadId: 't-3', labelIds: ['TRASH'] });
    const output = await runTool(gmailMoveToTrashTool, { message_id: 'm-3' }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_MOVE_TO_TRASH', { message_id: 'm-3' });
    expect(output.result).toEqual({ trashed: true, message_id: 'm-3', labels: ['TRASH'] });
  });
});
