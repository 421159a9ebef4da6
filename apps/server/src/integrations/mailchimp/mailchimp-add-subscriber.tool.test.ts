import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { mailchimpAddSubscriberTool } from './mailchimp-add-subscriber.tool.js';

const key = '0123456789abcdef0123456789abcdef-us21';
let chimpDouble: ScriptedDouble;

beforeAll(async () => {
  chimpDouble = await startScriptedDouble();
});
afterAll(() => chimpDouble.close());
beforeEach(() => chimpDouble.reset());

function contextWith(values: Record<string, string> = { api_key: key }) {
  return createIntegrationTestContext({ baseUrls: ['https://us21.api.mailchimp.com'], origin: chimpDouble.origin, credentials: { mailchimp: values } });
}

describe('mailchimp_add_subscriber', () => {
  it('posts the member with merge fields and tags', async () => {
    chimpDouble.answer({ json: { id: '62eeb292278cc15f5817cb78f7790b08', email_address: 'ada@example.com', status: 'pending', list_id: 'a1b2c3', tags: [{ id: 1, name: 'beta' }] } });
    const output = await runTool(mailchimpAddSubscriberTool, { list_id: 'a1b2c3', email: 'ada@example.com', status: 'pending', first_name: 'Ada', last_name: 'Lovelace', tags: ['beta'] }, contextWith());
    const [request] = chimpDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/3.0/lists/a1b2c3/members' });
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`claraverse:${key}`).toString('base64')}`);
    expect(request!.body).toEqual({ email_address: 'ada@example.com', status: 'pending', merge_fields: { FNAME: 'Ada', LNAME: 'Lovelace' }, tags: ['beta'] });
    expect(output.result).toEqual({ added: true, memberId: '62eeb292278cc15f5817cb78f7790b08', email: 'ada@example.com', status: 'pending', listId: 'a1b2c3', tags: ['beta'] });
  });

  it('passes on Mailchimp\'s reason when the address is already a member', async () => {
    chimpDouble.answer({ status: 400, json: { title: 'Member Exists', status: 400, detail: 'ada@example.com is already a list member. Use PUT to insert or update list members.' } });
    await expect(runTool(mailchimpAddSubscriberTool, { list_id: 'a1b2c3', email: 'ada@example.com' }, contextWith())).rejects.toThrow(/already a list member/);
  });

  it('says Mailchimp refused the credential on 401, and retries a 429 once', async () => {
    chimpDouble.answer({ status: 401, json: { title: 'API Key Invalid', status: 401, detail: 'Your API key may be invalid.' } });
    await expect(runTool(mailchimpAddSubscriberTool, { list_id: 'a1b2c3', email: 'ada@example.com' }, contextWith())).rejects.toThrow(/Mailchimp refused the credential/);
    chimpDouble.reset();
    chimpDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { title: 'Too Many Requests' } }, { json: { id: 'x', email_address: 'ada@example.com', status: 'subscribed', list_id: 'a1b2c3' } });
    await runTool(mailchimpAddSubscriberTool, { list_id: 'a1b2c3', email: 'ada@example.com' }, contextWith());
    expect(chimpDouble.requests).toHaveLength(2);
    expect(chimpDouble.requests[1]!.body).toEqual({ email_address: 'ada@example.com', status: 'subscribed' });
  });

  it('refuses a list id that could change the path', async () => {
    await expect(runTool(mailchimpAddSubscriberTool, { list_id: '../../x', email: 'ada@example.com' }, contextWith())).rejects.toThrow(/audience id/);
    expect(chimpDouble.requests).toHaveLength(0);
  });
});
