import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import { startDoubleServer, type DoubleServer } from '../../../test/llm-doubles/double-server.js';
import { createTestToolContext } from '../../test-support.js';
import { testApiTool } from './test-api.tool.js';

const http = createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 10_000, maxBytes: 50 * 1024 * 1024 });
const context = createTestToolContext({ http });

let api: DoubleServer;

beforeAll(async () => {
  api = await startDoubleServer(async ({ response, recorded }) => {
    if (recorded.path === '/users' && recorded.method === 'POST') {
      response.writeHead(201, { 'content-type': 'application/json', location: '/users/7' });
      return void response.end(JSON.stringify({ id: 7, ...(recorded.body as object) }));
    }
    if (recorded.path === '/users/7') {
      if (recorded.headers.authorization !== 'Bearer t0ken') {
        response.writeHead(401, { 'content-type': 'application/problem+json' });
        return void response.end(JSON.stringify({ title: 'Unauthorized' }));
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1' });
      return void response.end(JSON.stringify({ id: 7, name: 'Ada' }));
    }
    if (recorded.path === '/big') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      return void response.end('z'.repeat(25_000));
    }
    if (recorded.path === '/logo.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      return void response.end(Buffer.alloc(2048, 1));
    }
    if (recorded.path === '/moved') {
      response.writeHead(308, { location: '/users/7' });
      return void response.end();
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('no route');
  });
});

afterAll(async () => {
  await api.close();
});

async function call(args: Record<string, unknown>) {
  return (await testApiTool.execute(testApiTool.inputSchema.parse(args), context)).result as Record<string, unknown>;
}

describe('test_api', () => {
  it('sends a JSON body with its content type and reports status, headers, parsed body, size and timing', async () => {
    const result = await call({ url: `${api.origin}/users`, method: 'POST', body: { name: 'Ada' }, expected_status: 201 });
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', path: '/users', body: { name: 'Ada' } });
    expect(api.requests.at(-1)!.headers['content-type']).toBe('application/json');
    expect(result).toMatchObject({
      request: { method: 'POST', url: `${api.origin}/users` },
      status: 201,
      statusText: 'Created',
      ok: true,
      expectedStatus: 201,
      passed: true,
      body: { id: 7, name: 'Ada' },
      bodyTruncated: false,
      sizeBytes: 21, // {"id":7,"name":"Ada"}
    });
    expect((result.headers as Record<string, string>).location).toBe('/users/7');
    expect(result.timingMs).toBeTypeOf('number');
    expect(result.timingMs as number).toBeGreaterThanOrEqual(0);
  });

  it('passes the caller\'s headers and reports a failed expectation without failing the call', async () => {
    const denied = await call({ url: `${api.origin}/users/7`, expected_status: 200 });
    expect(denied).toMatchObject({ status: 401, statusText: 'Unauthorized', ok: false, passed: false, body: { title: 'Unauthorized' } });
    const allowed = await call({ url: `${api.origin}/users/7`, headers: { Authorization: 'Bearer t0ken' } });
    expect(allowed).toMatchObject({ status: 200, body: { id: 7, name: 'Ada' } });
    expect(allowed).not.toHaveProperty('passed');
  });

  it('cuts a long body at 10000 characters and describes binary bodies instead of dumping them', async () => {
    expect(await call({ url: `${api.origin}/big` })).toMatchObject({ bodyTruncated: true, sizeBytes: 25_000 });
    expect(((await call({ url: `${api.origin}/big` })).body as string).length).toBe(10_000);
    expect(await call({ url: `${api.origin}/logo.png` })).toMatchObject({ body: '[2048 bytes of image/png]', sizeBytes: 2048 });
  });

  it('sends a string body as is, follows redirects and names the final URL', async () => {
    await call({ url: `${api.origin}/echo`, method: 'PUT', body: 'plain=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(api.requests.at(-1)).toMatchObject({ method: 'PUT', path: '/echo' });
    expect(api.requests.at(-1)!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const head = await call({ url: `${api.origin}/users/7`, method: 'HEAD', headers: { authorization: 'Bearer t0ken' } });
    expect(head).toMatchObject({ status: 200, body: '', sizeBytes: 0 });
    const moved = await call({ url: `${api.origin}/moved`, headers: { authorization: 'Bearer t0ken' } });
    expect(moved).toMatchObject({ status: 200, finalUrl: `${api.origin}/users/7` });
  });

  it('is refused by the SSRF guard for loopback or metadata addresses that are not allowed', async () => {
    const guarded = createTestToolContext({ http: createOutboundHttp({ allowlist: [], timeoutMs: 5_000, maxBytes: 1024 }) });
    const before = api.requests.length;
    for (const url of [`${api.origin}/users/7`, 'http://169.254.169.254/latest/meta-data/iam/']) {
      const error = await testApiTool.execute(testApiTool.inputSchema.parse({ url }), guarded).then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('outbound_blocked');
    }
    expect(api.requests.length).toBe(before);
  });

  it('refuses a non-http URL or an unknown method through its schema', () => {
    expect(testApiTool.inputSchema.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false);
    expect(testApiTool.inputSchema.safeParse({ url: 'https://api.example', method: 'TRACE' }).success).toBe(false);
  });
});
