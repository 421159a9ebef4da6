import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { startDoubleServer, type DoubleServer } from '../test/llm-doubles/double-server.js';
import { callService, serviceErrorMessage } from './call-service.js';
import { createIntegrationTestContext } from './test-support.js';

// A double on 127.0.0.1 stands in for "https://api.example.test"; each test queues the answers it gives, and
// the test asserts what callService sent (method, path and raw query, headers, body) through the real
// SSRF-guarded client.
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
const api = 'https://api.example.test';
let double: DoubleServer;
let answers: Answer[] = [];
const rawUrls: string[] = [];
beforeAll(async () => {
  double = await startDoubleServer(async ({ request, response }) => {
    rawUrls.push(request.url ?? '');
    const answer = answers.shift() ?? { status: 500, body: '{"message":"nothing queued"}' };
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(answer.body ?? '');
  });
});
afterAll(() => double.close());
beforeEach(() => {
  answers = [];
  rawUrls.length = 0;
  double.requests.length = 0;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({ status, headers, body: JSON.stringify(body) });
const html: Answer = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><body>Sign in to continue</body></html>' };
const context = () => createIntegrationTestContext({ baseUrls: [api], origin: double.origin });

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('callService', () => {
  it('sends the documented request to the redirected base URL: method, JSON body, headers, query arrays', async () => {
    answers.push(json(201, { id: 7 }));
    const result = await callService<{ id: number }>(context(), {
      service: 'Example', method: 'POST', url: `${api}/v1/issues`, headers: { authorization: 'Bearer t0ken' },
      query: { labels: ['bug', 'ui'], state: 'open', page: 2, draft: false, skipped: undefined }, json: { title: 'Hi', tags: ['a'] },
    });
    expect(result).toMatchObject({ status: 201, data: { id: 7 } });
    expect(rawUrls).toEqual(['/v1/issues?labels=bug&labels=ui&state=open&page=2&draft=false']);
    expect(double.requests[0]).toMatchObject({
      method: 'POST', path: '/v1/issues', body: { title: 'Hi', tags: ['a'] },
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json', accept: 'application/json' },
    });
  });

  it('sends a form body url-encoded, leaving out undefined fields', async () => {
    answers.push(json(201, { sid: 'SM1' }));
    await callService(context(), { service: 'Twilio', method: 'POST', url: `${api}/2010-04-01/Messages.json`, form: { To: '+15551234', Body: 'hi there & bye', From: undefined } });
    expect(double.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(double.requests[0]?.rawBody.toString('utf8')).toBe('To=%2B15551234&Body=hi+there+%26+bye');
  });

  it('waits out a 429 with a short Retry-After and sends the same request again', async () => {
    answers.push(json(429, { message: 'slow down' }, { 'retry-after': '1' }), json(200, { ok: true }));
    const result = await callService(context(), { service: 'Example', method: 'PUT', url: `${api}/v1/things/1`, json: { a: 1 } });
    expect(result.data).toEqual({ ok: true });
    expect(double.requests).toHaveLength(2);
    expect(double.requests[1]).toMatchObject({ method: 'PUT', path: '/v1/things/1', body: { a: 1 } });
  });

  it('fails at once with rate_limited when the service asks for a long wait', async () => {
    answers.push(json(429, { message: 'quota' }, { 'retry-after': '120' }));
    const error = await failureOf(callService(context(), { service: 'Example', url: `${api}/v1/things` }));
    expect(error.code).toBe('rate_limited');
    expect(error.message).toBe('Example is limiting requests; try again in 120 s.');
    expect(error.headers).toEqual({ 'retry-after': '120' });
    expect(double.requests).toHaveLength(1);
  });

  it('gives up after a storm of 429s (three attempts)', async () => {
    answers.push(...[1, 2, 3, 4].map(() => json(429, {}, { 'retry-after': '0' })));
    const error = await failureOf(callService(context(), { service: 'Example', url: `${api}/v1/things` }));
    expect(error.code).toBe('rate_limited');
    expect(double.requests).toHaveLength(3);
  });

  it("waits out the service's own rate-limit answer (GitHub's 403 with x-ratelimit-remaining: 0)", async () => {
    answers.push(json(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' }), json(200, { ok: 1 }));
    const result = await callService(context(), {
      service: 'GitHub', url: `${api}/repos/a/b`,
      rateLimitWaitMs: (response) => (response.status === 403 && response.headers['x-ratelimit-remaining'] === '0' ? 0 : undefined),
    });
    expect(result.data).toEqual({ ok: 1 });
    expect(double.requests).toHaveLength(2);
  });

  it('turns a 401 into a readable refusal of the credential with the service’s own words', async () => {
    answers.push(json(401, { message: 'Bad credentials' }));
    const error = await failureOf(callService(context(), { service: 'GitHub', url: `${api}/user` }));
    expect(error.code).toBe('upstream_error');
    expect(error.message).toBe('GitHub refused the credential (401): Bad credentials. Check it on the Credentials page.');
    expect(error.details).toEqual({ service: 'GitHub', status: 401, serviceMessage: 'Bad credentials' });
  });

  it('reports 5xx as the service being unavailable, 404 as not found, other 4xx as a refused request', async () => {
    answers.push(json(503, { error: { message: 'maintenance' } }), json(404, { message: 'Not Found' }), json(422, { errors: [{ message: 'title is missing' }] }));
    expect(await failureOf(callService(context(), { service: 'Example', url: `${api}/a` }))).toMatchObject({ code: 'upstream_unavailable', message: 'Example failed (503): maintenance. Try again later.' });
    expect((await failureOf(callService(context(), { service: 'Example', url: `${api}/b` }))).message).toBe('Example found nothing there (404): Not Found.');
    expect((await failureOf(callService(context(), { service: 'Example', url: `${api}/c` }))).message).toBe('Example refused the request (422): title is missing.');
  });

  it('refuses an HTML page or plain text where JSON was expected, and never quotes the page', async () => {
    answers.push(html, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }, { ...html, status: 502 });
    const page = await failureOf(callService(context(), { service: 'Example', url: `${api}/a` }));
    expect(page.message).toBe("Example answered with an HTML page instead of JSON (status 200). Check the service's address.");
    expect((await failureOf(callService(context(), { service: 'Example', url: `${api}/b` }))).message).toContain('answered with text instead of JSON');
    const gateway = await failureOf(callService(context(), { service: 'Example', url: `${api}/c` }));
    expect(gateway.message).toBe('Example failed (502). Try again later.');
  });

  it("accepts a text answer when told to (webhooks answering 'ok') and an empty body as null", async () => {
    answers.push({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }, { status: 204 });
    expect((await callService(context(), { service: 'Slack', method: 'POST', url: `${api}/hook`, json: {}, expect: 'any' })).data).toBe('ok');
    expect((await callService(context(), { service: 'Example', method: 'DELETE', url: `${api}/x` })).data).toBeNull();
  });
});

describe('serviceErrorMessage', () => {
  it("finds the service's words where APIs put them", () => {
    expect(serviceErrorMessage({ message: 'a' })).toBe('a');
    expect(serviceErrorMessage({ error: 'invalid_auth' })).toBe('invalid_auth');
    expect(serviceErrorMessage({ error: { message: 'nested' } })).toBe('nested');
    expect(serviceErrorMessage({ errors: [{ message: 'graphql' }] })).toBe('graphql');
    expect(serviceErrorMessage({ errorMessages: ['jira says no'] })).toBe('jira says no');
    expect(serviceErrorMessage({ errors: { summary: 'Field is required' } })).toBe('summary: Field is required');
    expect(serviceErrorMessage({ err: 'clickup' })).toBe('clickup');
    expect(serviceErrorMessage({ nothing: 1 })).toBeUndefined();
    expect(serviceErrorMessage('x'.repeat(400))).toHaveLength(300);
  });
});
