import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendSlackMessageTool } from './send-slack-message.tool.js';

const webhook = 'https://hooks.slack.com/services/T000/B111/secretpart';
let slackDouble: ScriptedDouble;

beforeAll(async () => {
  slackDouble = await startScriptedDouble();
});
afterAll(() => slackDouble.close());
beforeEach(() => slackDouble.reset());

function contextWith(values: Record<string, string> = { webhook_url: webhook }) {
  return createIntegrationTestContext({ baseUrls: ['https://hooks.slack.com'], origin: slackDouble.origin, credentials: { slack: values } });
}

describe('send_slack_message', () => {
  it('posts the JSON payload to the webhook and reports Slack\'s ok', async () => {
    // Slack's webhooks label their plain ok as text/html.
    slackDouble.answer({ status: 200, headers: { 'content-type': 'text/html' }, text: 'ok' });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Build* passed' } }];
    const output = await runTool(sendSlackMessageTool, { text: 'Build passed', blocks, icon_emoji: ':robot_face:' }, contextWith());
    expect(output.result).toEqual({ sent: true, characters: 12 });
    expect(slackDouble.requests).toHaveLength(1);
    const [request] = slackDouble.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/services/T000/B111/secretpart');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({ text: 'Build passed', blocks, icon_emoji: ':robot_face:' });
  });

  it('says Slack refused the credential when the webhook token is revoked', async () => {
    slackDouble.answer({ status: 403, headers: { 'content-type': 'text/plain' }, text: 'invalid_token' });
    await expect(runTool(sendSlackMessageTool, { text: 'hi' }, contextWith())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('Slack refused the credential (403): invalid_token'),
    });
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    slackDouble.answer({ status: 429, headers: { 'retry-after': '1' }, text: 'rate_limited' }, { text: 'ok' });
    await runTool(sendSlackMessageTool, { text: 'hi' }, contextWith());
    expect(slackDouble.requests).toHaveLength(2);
    expect(slackDouble.requests[1]!.body).toEqual({ text: 'hi' });
  });

  it('refuses an HTML page in place of Slack\'s answer', async () => {
    slackDouble.answer(htmlAnswer);
    await expect(runTool(sendSlackMessageTool, { text: 'hi' }, contextWith())).rejects.toThrow(/HTML page/);
  });

  it('names a missing webhook URL, and a URL of another host, without sending anything', async () => {
    await expect(runTool(sendSlackMessageTool, { text: 'hi' }, contextWith({}))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"webhook_url"'),
    });
    await expect(runTool(sendSlackMessageTool, { text: 'hi' }, contextWith({ webhook_url: 'https://evil.example/services/x' }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const noUser = createIntegrationTestContext({ baseUrls: [], origin: slackDouble.origin, overrides: { getCredential: undefined } });
    await expect(runTool(sendSlackMessageTool, { text: 'hi' }, noUser)).rejects.toThrow(/Add a Slack credential/);
    await expect(runTool(sendSlackMessageTool, { text: ' ' }, contextWith())).rejects.toThrow(/message text/);
    expect(slackDouble.requests).toHaveLength(0);
  });
});
