import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { composioEntityIdFor } from '../composio/composio-tool.js';
import { composioClientOf, composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { createComposioActions } from '../composio/composio-actions.js';
import { runTool, testContextOf } from '../test-support.js';
import { composioGmailIntegration } from './composio_gmail.integration.js';
import { gmailListLabelsTool } from './gmail-list-labels.tool.js';
import { gmailSendEmailTool } from './gmail-send-email.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});
beforeEach(() => {
  composio.actionData.clear();
});

const entity = composioEntityIdFor('user-1');
const labels = { labels: [{ id: 'INBOX', name: 'INBOX', type: 'system' }] };

function testContext(withComposio = true) {
  const base = testContextOf(composioToolContext(composio, 'composio_gmail'));
  return withComposio ? { ...base, composio: createComposioActions(composioClientOf(composio)) } : base;
}

describe('composio_gmail integration', () => {
  it('is offered only with Composio configured and has the one entity field', () => {
    expect(composioGmailIntegration.requiresInstanceConfig).toBe('composio');
    expect(composioGmailIntegration.fields.map((field) => [field.key, field.required])).toEqual([['composio_entity_id', true]]);
    expect(composioGmailIntegration.tools.map((tool) => tool.name)).toEqual([
      'gmail_send_email', 'gmail_fetch_emails', 'gmail_get_message', 'gmail_reply_to_thread', 'gmail_create_draft',
      'gmail_send_draft', 'gmail_list_drafts', 'gmail_add_label', 'gmail_list_labels', 'gmail_move_to_trash',
    ]);
    for (const tool of composioGmailIntegration.tools) expect(tool).toMatchObject({ integration: 'composio_gmail', category: 'integrations' });
  });

  it('credential test: reads the Gmail profile of the entity and names the address', async () => {
    composio.actionData.set('GMAIL_GET_PROFILE', { emailAddress: 'ada@example.com', messagesTotal: 1200, threadsTotal: 800, historyId: '99' });
    const result = await composioGmailIntegration.test!({ composio_entity_id: entity }, testContext());
    expectExecuted(composio.requests.at(-1), 'GMAIL_GET_PROFILE', { user_id: 'me' });
    expect(result.message).toBe('Connected to Gmail as ada@example.com.');
  });

  it('credential test: a connection Composio cannot use is a clear failure', async () => {
    await expect(composioGmailIntegration.test!({ composio_entity_id: entity }, testContext())).rejects.toThrow(/Composio could not run GMAIL_GET_PROFILE: .*no connected account/);
  });

  it('credential test: without Composio on the instance it says so and sends nothing', async () => {
    const before = composio.requests.length;
    await expect(composioGmailIntegration.test!({ composio_entity_id: entity }, testContext(false))).rejects.toThrow(/Composio is not configured on this instance/);
    expect(composio.requests.length).toBe(before);
  });

  it('a tool without Composio configured fails clearly and sends nothing', async () => {
    const before = composio.requests.length;
    const error = await runTool(gmailListLabelsTool, {}, composioToolContext(composio, 'composio_gmail', { withComposio: false })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Composio is not configured on this instance/);
    expect(composio.requests.length).toBe(before);
  });

  it('a credential without an entity id, or with another user\'s, is refused before any request', async () => {
    const before = composio.requests.length;
    await expect(runTool(gmailListLabelsTool, {}, composioToolContext(composio, 'composio_gmail', { entityId: ' ' }))).rejects.toThrow(/no composio_entity_id/);
    await expect(runTool(gmailListLabelsTool, {}, composioToolContext(composio, 'composio_gmail', { entityId: composioEntityIdFor('user-2') }))).rejects.toThrow(/not connected by you/);
    expect(composio.requests.length).toBe(before);
  });

  it('a refused instance key (401) is the readable "refused the credential" error', async () => {
    composio.script({ status: 401, body: JSON.stringify({ error: { message: 'Invalid API key', status: 401 } }) });
    await expect(runTool(gmailListLabelsTool, {}, composioToolContext(composio, 'composio_gmail'))).rejects.toThrow(/Composio refused the credential \(401\): Invalid API key/);
  });

  it('a 429 with retry-after: 1 is waited out and retried once', async () => {
    composio.actionData.set('GMAIL_LIST_LABELS', labels);
    const before = composio.requests.length;
    composio.script({ status: 429, body: JSON.stringify({ error: { message: 'Rate limit exceeded' } }), headers: { 'retry-after': '1' } });
    const output = await runTool(gmailListLabelsTool, {}, composioToolContext(composio, 'composio_gmail'));
    expect(composio.requests.length - before).toBe(2);
    expectExecuted(composio.requests.at(-2), 'GMAIL_LIST_LABELS', {});
    expectExecuted(composio.requests.at(-1), 'GMAIL_LIST_LABELS', {});
    expect(output.result).toMatchObject({ count: 1 });
  });

  it('an HTML page instead of JSON is a clear error', async () => {
    composio.script({ status: 200, body: '<!doctype html><html><body>Login</body></html>', headers: { 'content-type': 'text/html' } });
    await expect(runTool(gmailSendEmailTool, { to: 'ada@example.com', subject: 'x', body: 'y' }, composioToolContext(composio, 'composio_gmail'))).rejects.toThrow(/Composio answered with an HTML page instead of JSON/);
  });
});
