import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailFetchEmailsTool } from './gmail-fetch-emails.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_fetch_emails', () => {
  it('sends the query, count, labels and page token and returns compact emails with the next page token', async () => {
    composio.actionData.set('GMAIL_FETCH_EMAILS', {
      messages: [
        { messageId: 'm1', threadId: 't1', sender: 'Ada <ada@example.com>', to: 'me@example.com', subject: 'Invoice', messageTimestamp: '2025-01-02T10:00:00Z', labelIds: ['INBOX', 'UNREAD'], messageText: 'x'.repeat(800), payload: { huge: true } },
        { messageId: 'm2', threadId: 't2', sender: 'bob@example.com', subject: 'Lunch', preview: { body: 'Tomorrow?', subject: 'Lunch' }, labelIds: ['INBOX'] },
      ],
      nextPageToken: 'page-2',
      resultSizeEstimate: 40,
    });
    const output = await runTool(gmailFetchEmailsTool, { query: 'is:unread', max_results: 5, label_ids: ['INBOX'], page_token: 'page-1' }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_FETCH_EMAILS', {
      query: 'is:unread', max_results: 5, label_ids: ['INBOX'], page_token: 'page-1', include_payload: false, verbose: true,
    });
    const result = output.result as { count: number; emails: Record<string, unknown>[]; next_page_token: string };
    expect(result.count).toBe(2);
    expect(result.next_page_token).toBe('page-2');
    expect(result.emails[0]).toMatchObject({ id: 'm1', thread_id: 't1', from: 'Ada <ada@example.com>', subject: 'Invoice', labels: ['INBOX', 'UNREAD'], body_truncated: true });
    expect((result.emails[0]!.body as string).length).toBe(500);
    expect(result.emails[0]).not.toHaveProperty('payload');
    expect(result.emails[1]).toMatchObject({ id: 'm2', body: 'Tomorrow?', subject: 'Lunch' });
  });

  it('caps the list at max_results and says so', async () => {
    composio.actionData.set('GMAIL_FETCH_EMAILS', { messages: [{ messageId: 'a' }, { messageId: 'b' }, { messageId: 'c' }] });
    const output = await runTool(gmailFetchEmailsTool, { max_results: 2 }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_FETCH_EMAILS', { max_results: 2, include_payload: false, verbose: true });
    expect(output.result).toMatchObject({ count: 2, truncated: true });
  });
});
