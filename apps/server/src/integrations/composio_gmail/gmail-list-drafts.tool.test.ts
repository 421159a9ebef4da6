import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailListDraftsTool } from './gmail-list-drafts.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_list_drafts', () => {
  it('sends GMAIL_LIST_DRAFTS (verbose) and returns each draft id with its message summary', async () => {
    composio.actionData.set('GMAIL_LIST_DRAFTS', {
      drafts: [{ id: 'r-1', message: { messageId: 'm-1', to: 'ada@example.com', subject: 'Plan', messageText: 'Draft text' } }, { id: 'r-2', message: { messageId: 'm-2' } }],
      nextPageToken: 'p2',
    });
    const output = await runTool(gmailListDraftsTool, { max_results: 20 }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_LIST_DRAFTS', { max_results: 20, verbose: true });
    const result = output.result as { count: number; drafts: { draft_id: string; message: Record<string, unknown> }[]; next_page_token: string };
    expect(result.count).toBe(2);
    expect(result.next_page_token).toBe('p2');
    expect(result.drafts[0]).toMatchObject({ draft_id: 'r-1', message: { id: 'm-1', to: 'ada@example.com', subject: 'Plan', body: 'Draft text' } });
  });
});
