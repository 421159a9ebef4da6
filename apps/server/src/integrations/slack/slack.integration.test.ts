import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { slackIntegration } from './slack.integration.js';

const webhook = 'https://hooks.slack.com/services/T000/B111/secretpart';
let slackDouble: ScriptedDouble;

beforeAll(async () => {
  slackDouble = await startScriptedDouble();
});
afterAll(() => slackDouble.close());
beforeEach(() => slackDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://hooks.slack.com'], origin: slackDouble.origin }));

describe('slack credential test', () => {
  it('takes Slack\'s no_text answer to an empty payload as a live webhook (nothing posted)', async () => {
    slackDouble.answer({ status: 400, headers: { 'content-type': 'text/plain' }, text: 'no_text' });
    const result = await slackIntegration.test!({ webhook_url: webhook }, context());
    expect(result.message).toMatch(/Connected to the Slack webhook/);
    expect(slackDouble.requests[0]).toMatchObject({ method: 'POST', path: '/services/T000/B111/secretpart', body: {} });
  });

  it('fails with a clear message for a removed webhook', async () => {
    slackDouble.answer({ status: 404, headers: { 'content-type': 'text/plain' }, text: 'no_service' });
    await expect(slackIntegration.test!({ webhook_url: webhook }, context())).rejects.toThrow(/Slack found nothing there \(404\): no_service/);
  });

  it('validates the webhook URL field: only hooks.slack.com/services/ over https', () => {
    const validate = slackIntegration.fields[0]!.validate!;
    expect(validate(webhook)).toBeNull();
    expect(validate('http://hooks.slack.com/services/T/B/x')).toMatch(/must look like/);
    expect(validate('https://hooks.slack.com.evil.example/services/T/B/x')).toMatch(/must look like/);
    expect(validate('not a url')).toMatch(/whole webhook URL/);
  });
});
