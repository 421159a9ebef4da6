import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendTeamsMessageTool } from './send-teams-message.tool.js';

const webhook = 'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456';
let teamsDouble: ScriptedDouble;

beforeAll(async () => {
  teamsDouble = await startScriptedDouble();
});
afterAll(() => teamsDouble.close());
beforeEach(() => teamsDouble.reset());

function contextWith(values: Record<string, string> = { webhook_url: webhook }) {
  return createIntegrationTestContext({ baseUrls: ['https://acme.webhook.office.com'], origin: teamsDouble.origin, credentials: { teams: values } });
}

describe('send_teams_message', () => {
  it('posts a MessageCard with title, colour and a link button', async () => {
    teamsDouble.answer({ headers: { 'content-type': 'text/plain' }, text: '1' });
    const output = await runTool(
      sendTeamsMessageTool,
      { text: 'Deploy **done**', title: 'Deploy', theme_color: '#0078D4', button_text: 'Open', button_url: 'https://example.com/run/1' },
      contextWith(),
    );
    expect(output.result).toEqual({ sent: true, status: 200, title: 'Deploy' });
    const [request] = teamsDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/webhookb2/abc@def/IncomingWebhook/123/456' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: 'Deploy',
      themeColor: '0078D4',
      title: 'Deploy',
      text: 'Deploy **done**',
      potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com/run/1' }] }],
    });
  });

  it('says Teams refused the credential on 401', async () => {
    teamsDouble.answer({ status: 401, headers: { 'content-type': 'text/plain' }, text: 'Unauthorized' });
    await expect(runTool(sendTeamsMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/Microsoft Teams refused the credential \(401\)/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    teamsDouble.answer({ status: 429, headers: { 'retry-after': '1' }, text: '' }, { status: 202, text: '' });
    const output = await runTool(sendTeamsMessageTool, { text: 'hi' }, contextWith());
    expect(output.result).toEqual({ sent: true, status: 202 });
    expect(teamsDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page in place of Teams\' answer', async () => {
    teamsDouble.answer(htmlAnswer);
    await expect(runTool(sendTeamsMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/HTML page/);
  });

  it('rejects a missing or foreign webhook URL and half a button without sending', async () => {
    await expect(runTool(sendTeamsMessageTool, { text: 'hi' }, contextWith({}))).rejects.toThrow(/"webhook_url"/);
    await expect(runTool(sendTeamsMessageTool, { text: 'hi' }, contextWith({ webhook_url: 'https://webhook.office.com.evil.example/x' }))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(runTool(sendTeamsMessageTool, { text: 'hi', button_text: 'Open' }, contextWith())).rejects.toThrow(/both button_text and button_url/);
    expect(teamsDouble.requests).toHaveLength(0);
  });
});
