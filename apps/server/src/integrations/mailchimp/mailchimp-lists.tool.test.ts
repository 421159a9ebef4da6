import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { mailchimpListsTool } from './mailchimp-lists.tool.js';

const key = '0123456789abcdef0123456789abcdef-us21';
const basic = `Basic ${Buffer.from(`claraverse:${key}`).toString('base64')}`;
let chimpDouble: ScriptedDouble;

beforeAll(async () => {
  chimpDouble = await startScriptedDouble();
});
afterAll(() => chimpDouble.close());
beforeEach(() => chimpDouble.reset());

function contextWith(values: Record<string, string> = { api_key: key }) {
  // Only the key's data center host is redirected: a call to another data center would not reach the double.
  return createIntegrationTestContext({ baseUrls: ['https://us21.api.mailchimp.com'], origin: chimpDouble.origin, credentials: { mailchimp: values } });
}

describe('mailchimp_lists', () => {
  it('reads /3.0/lists of the key\'s data center with Basic auth and paging', async () => {
    chimpDouble.answer({ json: { total_items: 3, lists: [{ id: 'a1b2c3', name: 'Newsletter', date_created: '2024-01-01T00:00:00+00:00', stats: { member_count: 1200, unsubscribe_count: 4, open_rate: 41.5 } }, { id: 'd4e5f6', name: 'Beta', stats: { member_count: 30 } }] } });
    const output = await runTool(mailchimpListsTool, { limit: 2 }, contextWith());
    const [request] = chimpDouble.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/3.0/lists', query: { count: '2', offset: '0' } });
    expect(request!.query.fields).toContain('lists.stats.member_count');
    expect(request!.headers.authorization).toBe(basic);
    expect(output.result).toEqual({
      lists: [
        { id: 'a1b2c3', name: 'Newsletter', members: 1200, unsubscribed: 4, openRate: 41.5, createdAt: '2024-01-01T00:00:00+00:00' },
        { id: 'd4e5f6', name: 'Beta', members: 30 },
      ],
      count: 2,
      total: 3,
      truncated: true,
    });
  });

  it('says Mailchimp refused the credential on 401', async () => {
    chimpDouble.answer({ status: 401, json: { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'API Key Invalid', status: 401, detail: 'Your API key may be invalid, or you\'ve attempted to access the wrong datacenter.' } });
    await expect(runTool(mailchimpListsTool, {}, contextWith())).rejects.toThrow(/Mailchimp refused the credential \(401\): Your API key may be invalid/);
  });

  it('waits out a 429 with Retry-After and asks again once', async () => {
    chimpDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { title: 'Too Many Requests', status: 429 } }, { json: { total_items: 0, lists: [] } });
    await runTool(mailchimpListsTool, {}, contextWith());
    expect(chimpDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page where JSON should be', async () => {
    chimpDouble.answer(htmlAnswer);
    await expect(runTool(mailchimpListsTool, {}, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('refuses a key without a data center (it would choose the host) and a missing key, sending nothing', async () => {
    await expect(runTool(mailchimpListsTool, {}, contextWith({ api_key: 'abc-evil.example/x' }))).rejects.toThrow(/ends in its data center/);
    await expect(runTool(mailchimpListsTool, {}, contextWith({}))).rejects.toThrow(/"api_key"/);
    expect(chimpDouble.requests).toHaveLength(0);
  });
});
