import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composioToolContext, expectExecuted, startComposioDouble, type ComposioDouble } from '../composio/composio-double.js';
import { runTool } from '../test-support.js';
import { gmailSendEmailTool } from './gmail-send-email.tool.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(async () => {
  await composio.close();
});

describe('gmail_send_email', () => {
  it('sends GMAIL_SEND_EMAIL with the first recipient, the others as extra recipients, and returns the ids', async () => {
    composio.actionData.set('GMAIL_SEND_EMAIL', { id: 'msg-1', threadId: 'thr-1', labelIds: ['SENT'] });
    const output = await runTool(gmailSendEmailTool, {
      to: 'ada@example.com, bob@example.com', subject: 'Report', body: '<b>Done</b>', cc: ['cc@example.com'], is_html: true,
    }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_SEND_EMAIL', {
      recipient_email: 'ada@example.com', extra_recipients: ['bob@example.com'], subject: 'Report', body: '<b>Done</b>', cc: ['cc@example.com'], is_html: true,
    });
    expect(output.result).toEqual({ sent: true, to: 'ada@example.com, bob@example.com', subject: 'Report', message_id: 'msg-1', thread_id: 'thr-1' });
  });

  it('finds the ids when Composio nests them under response_data', async () => {
    composio.actionData.set('GMAIL_SEND_EMAIL', { response_data: { id: 'msg-2', threadId: 'thr-2' } });
    const output = await runTool(gmailSendEmailTool, { to: 'ada@example.com', subject: 'Hi', body: 'Hello' }, composioToolContext(composio, 'composio_gmail'));
    expectExecuted(composio.requests.at(-1), 'GMAIL_SEND_EMAIL', { recipient_email: 'ada@example.com', subject: 'Hi', body: 'Hello' });
    expect(output.result).toMatchObject({ message_id: 'msg-2', thread_id: 'thr-2' });
  });

  it('refuses something that is not an email address, without a request', async () => {
    const before = composio.requests.length;
    await expect(runTool(gmailSendEmailTool, { to: 'ada@example.com, Bob', subject: 'x', body: 'y' }, composioToolContext(composio, 'composio_gmail'))).rejects.toThrow(/email addresses/);
    await expect(runTool(gmailSendEmailTool, { to: 'ada@example.com', subject: 'x', body: 'y', cc: ['not an address'] }, composioToolContext(composio, 'composio_gmail'))).rejects.toThrow(/email address/);
    expect(composio.requests.length).toBe(before);
  });
});
