import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../../test/capture-logger.js';
import { startDoubleServer, type DoubleServer } from '../../test/llm-doubles/double-server.js';
import { AppError } from '../errors/app-error.js';
import { createOutboundHttp, type OutboundHttpOptions } from './create-outbound-http.js';

// Every live request in this file goes to a server on 127.0.0.1; other addresses are refused before any
// connection is attempted, which is what these tests assert.

const loopbackOnly = ['127.0.0.1/32'];

function client(overrides: Partial<OutboundHttpOptions> = {}) {
  return createOutboundHttp({ allowlist: loopbackOnly, timeoutMs: 5_000, maxBytes: 1024 * 1024, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let site: DoubleServer;
let otherSite: DoubleServer;
const hugeGzip = gzipSync(Buffer.alloc(4 * 1024 * 1024));

beforeAll(async () => {
  otherSite = await startDoubleServer(async ({ response }) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('other origin');
  });
  site = await startDoubleServer(async ({ request, response, recorded }) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    switch (url.pathname) {
      case '/json':
        response.writeHead(200, { 'content-type': 'application/json', 'x-repeat': ['a', 'b'] });
        response.end(JSON.stringify({ hello: 'world', method: recorded.method }));
        return;
      case '/redirect':
        response.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to ?? '/json' });
        response.end();
        return;
      case '/loop':
        response.writeHead(302, { location: '/loop' });
        response.end();
        return;
      case '/big':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('x'.repeat(4096));
        return;
      case '/big-chunked':
        response.writeHead(200, { 'content-type': 'text/plain' });
        for (let index = 0; index < 8; index += 1) response.write('y'.repeat(1024));
        response.end();
        return;
      case '/gzip':
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
        response.end(gzipSync(Buffer.from('compressed hello')));
        return;
      case '/gzip-bomb':
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip', 'content-length': String(hugeGzip.length) });
        response.end(hugeGzip);
        return;
      case '/latin1':
        response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
        response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
        return;
      case '/hang':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('partial');
        return; // never ends
      default:
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(`${recorded.method} ${url.pathname}`);
    }
  });
});

afterAll(async () => {
  await site.close();
  await otherSite.close();
});

describe('the guard on a live loopback server', () => {
  it('refuses loopback when it is not allowed, by IP and by a name that resolves to it, sending nothing', async () => {
    const guarded = client({ allowlist: [] });
    const port = new URL(site.origin).port;
    const before = site.requests.length;
    const byIp = await failure(guarded.request(`http://127.0.0.1:${port}/json`));
    expect(byIp.code).toBe('outbound_blocked');
    expect(byIp.message).toBe(
      '127.0.0.1 is a loopback address (this server itself), which the server may not reach. An administrator can allow it in Admin → Settings (outbound allow-list) or with OUTBOUND_ALLOWLIST.',
    );
    const byName = await failure(guarded.request(`http://localhost:${port}/json`));
    expect(byName.code).toBe('outbound_blocked');
    expect(byName.message).toMatch(/^localhost resolves to a loopback address/);
    expect((await failure(guarded.request(`http://[::1]:${port}/`))).code).toBe('outbound_blocked');
    expect((await failure(guarded.request(`http://2130706433:${port}/`))).code).toBe('outbound_blocked'); // 127.0.0.1 in decimal
    expect(site.requests.length).toBe(before);
  });

  it('refuses the cloud metadata address and private ranges before connecting', async () => {
    const guarded = client();
    const metadata = await failure(guarded.request('http://169.254.169.254/latest/meta-data/'));
    expect(metadata.code).toBe('outbound_blocked');
    expect(metadata.message).toMatch(/cloud metadata endpoint/);
    expect((await failure(guarded.request('http://10.0.0.1/'))).details).toMatchObject({ reason: 'private' });
    expect((await failure(guarded.request('http://[fd00:ec2::254]/'))).details).toMatchObject({ reason: 'metadata' });
  });

  it('refuses schemes other than http and https, and says so', async () => {
    const guarded = client();
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1:70/']) {
      const error = await failure(guarded.request(url));
      expect(error.code).toBe('outbound_blocked');
      expect(error.message).toMatch(/^Only http and https URLs can be fetched/);
    }
    expect((await failure(guarded.request('not a url'))).code).toBe('validation_failed');
  });

  it('reaches an allow-listed server: status, lower-case joined headers, text and JSON', async () => {
    const response = await client().request(`${site.origin}/json`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-repeat']).toBe('a, b');
    expect(response.json()).toEqual({ hello: 'world', method: 'GET' });
    expect(response.url).toBe(`${site.origin}/json`);
  });

  it('reaches loopback by name when the name is allow-listed', async () => {
    const port = new URL(site.origin).port;
    const response = await client({ allowlist: [`localhost:${port}`] }).request(`http://localhost:${port}/json`);
    expect(response.status).toBe(200);
    expect((await failure(client({ allowlist: ['localhost:1'] }).request(`http://localhost:${port}/json`))).code).toBe('outbound_blocked');
  });

  it('decodes gzip and the declared charset', async () => {
    expect((await client().request(`${site.origin}/gzip`)).text()).toBe('compressed hello');
    expect((await client().request(`${site.origin}/latin1`)).text()).toBe('café');
  });

  it('sends the method, body and headers but not the framing headers a caller tries to set', async () => {
    const response = await client().request(`${site.origin}/echo`, {
      method: 'post',
      body: JSON.stringify({ a: 1 }),
      headers: { 'Content-Type': 'application/json', Host: 'evil.example', 'X-Custom': 'yes' },
    });
    expect(response.text()).toBe('POST /echo');
    const recorded = site.requests.at(-1)!;
    expect(recorded.body).toEqual({ a: 1 });
    expect(recorded.headers['x-custom']).toBe('yes');
    expect(recorded.headers.host).toBe(new URL(site.origin).host);
    expect(recorded.headers['user-agent']).toBe('ClaraVerse/1.0');
  });

  it('refuses a header with a line break in it', async () => {
    const error = await failure(client().request(`${site.origin}/`, { headers: { 'x-bad': 'a\r\nInjected: 1' } }));
    expect(error.code).toBe('validation_failed');
  });

  it('says so when the port is closed', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(client().request(`http://127.0.0.1:${port}/`));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toBe('127.0.0.1 refused the connection.');
  });
});

describe('redirects', () => {
  it('follows redirects and reports the final URL', async () => {
    const response = await client().request(`${site.origin}/redirect?to=/json`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${site.origin}/json`);
  });

  it('re-checks every hop: a redirect to a blocked address is refused', async () => {
    const port = new URL(site.origin).port;
    for (const target of [`http://[::1]:${port}/json`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/']) {
      const error = await failure(client().request(`${site.origin}/redirect?to=${encodeURIComponent(target)}`));
      expect(error.code).toBe('outbound_blocked');
    }
    const toFile = await failure(client().request(`${site.origin}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`));
    expect(toFile.code).toBe('outbound_blocked');
  });

  it('stops a redirect loop, and returns the 3xx itself when redirects are off', async () => {
    const error = await failure(client().request(`${site.origin}/loop`, { maxRedirects: 3 }));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toBe('127.0.0.1 redirected more than 3 times; the request was stopped.');
    const response = await client().request(`${site.origin}/redirect?to=/json`, { maxRedirects: 0 });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/json');
  });

  it('turns POST into GET on 303 and keeps method and body on 307', async () => {
    const afterSeeOther = await client().request(`${site.origin}/redirect?status=303&to=/json`, { method: 'POST', body: 'x=1' });
    expect(afterSeeOther.json()).toMatchObject({ method: 'GET' });
    await client().request(`${site.origin}/redirect?status=307&to=/echo`, { method: 'POST', body: JSON.stringify({ kept: true }) });
    expect(site.requests.at(-1)).toMatchObject({ method: 'POST', path: '/echo', body: { kept: true } });
  });

  it('keeps credentials on the same origin and drops them (URL user-info, Authorization, Cookie) across origins', async () => {
    const withCredentials = new URL(site.origin);
    withCredentials.username = 'ada';
    withCredentials.password = 's3cret';
    const headers = { authorization: 'Bearer token-1', cookie: 'session=1' };

    await client().request(`${withCredentials.origin.replace('//', '//ada:s3cret@')}/redirect?to=/echo`, { headers });
    const sameOrigin = site.requests.at(-1)!;
    expect(sameOrigin.path).toBe('/echo');
    expect(sameOrigin.headers.authorization).toBe('Bearer token-1');
    expect(sameOrigin.headers.cookie).toBe('session=1');

    const basic = await client().request(`${site.origin.replace('//', '//ada:s3cret@')}/echo`);
    expect(basic.status).toBe(200);
    expect(site.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cret').toString('base64')}`);

    const response = await client().request(`${site.origin.replace('//', '//ada:s3cret@')}/redirect?to=${encodeURIComponent(`${otherSite.origin}/landing`)}`, { headers: { cookie: 'session=1' } });
    expect(response.text()).toBe('other origin');
    const crossOrigin = otherSite.requests.at(-1)!;
    expect(crossOrigin.headers.authorization).toBeUndefined();
    expect(crossOrigin.headers.cookie).toBeUndefined();
  });
});

describe('limits', () => {
  it('refuses a body over the size cap, declared or streamed', async () => {
    const declared = await failure(client({ maxBytes: 1000 }).request(`${site.origin}/big`));
    expect(declared.code).toBe('response_too_large');
    expect(declared.message).toBe('The response from 127.0.0.1 is larger than the 1000 bytes limit.');
    expect((await failure(client().request(`${site.origin}/big-chunked`, { maxBytes: 2048 }))).code).toBe('response_too_large');
    expect((await client().request(`${site.origin}/big-chunked`, { maxBytes: 8192 })).body.length).toBe(8192);
  });

  it('counts decompressed bytes, so a small gzip bomb is refused', async () => {
    expect(hugeGzip.length).toBeLessThan(64 * 1024);
    const error = await failure(client({ maxBytes: 1024 * 1024 }).request(`${site.origin}/gzip-bomb`));
    expect(error.code).toBe('response_too_large');
    expect(error.message).toMatch(/larger than the 1 MB limit/);
  });

  it('gives up at the deadline and closes the connection', async () => {
    const abortedBefore = site.aborted.length;
    const error = await failure(client({ timeoutMs: 300 }).request(`${site.origin}/hang`));
    expect(error.code).toBe('outbound_timeout');
    expect(error.message).toBe('127.0.0.1 did not answer within 1 second.');
    await site.waitForAborted(abortedBefore + 1);
  });

  it("stops when the caller's signal aborts, with the signal's reason", async () => {
    const controller = new AbortController();
    const abortedBefore = site.aborted.length;
    const requestsBefore = site.requests.length;
    const pending = client().request(`${site.origin}/hang`, { signal: controller.signal });
    // Abort once the server holds the request, so the abort lands mid-response.
    while (site.requests.length === requestsBefore) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await site.waitForAborted(abortedBefore + 1);
    const already = new AbortController();
    already.abort(new Error('gone already'));
    await expect(client().request(`${site.origin}/json`, { signal: already.signal })).rejects.toThrow('gone already');
  });
});

describe('DNS', () => {
  it('connects to the address it checked, never asking DNS again (rebinding)', async () => {
    const port = new URL(site.origin).port;
    const answers = [['127.0.0.1'], ['10.0.0.1']];
    const asked: string[] = [];
    const guarded = client({
      resolveHost: async (hostname) => {
        asked.push(hostname);
        return (answers.shift() ?? ['10.0.0.2']).map((address) => ({ address, family: 4 }));
      },
    });
    // rebind.test does not exist in DNS: reaching the server proves the socket used the checked answer.
    const response = await guarded.request(`http://rebind.test:${port}/json`);
    expect(response.status).toBe(200);
    expect(asked).toEqual(['rebind.test']);
    expect(site.requests.at(-1)!.headers.host).toBe(`rebind.test:${port}`);
  });

  it('refuses a name when any of its addresses is blocked', async () => {
    const guarded = client({ allowlist: [], resolveHost: async () => [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }] });
    const error = await failure(guarded.request('http://mixed.test/'));
    expect(error.message).toMatch(/^mixed\.test resolves to a loopback address/);
  });

  it('says when a name does not resolve', async () => {
    const guarded = client({ resolveHost: async () => { throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' }); } });
    const error = await failure(guarded.request('http://no-such-host.test/'));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toBe('The host name no-such-host.test could not be found.');
  });
});

describe('the admin allow-list', () => {
  it('is read through a cache that invalidateAllowlist clears; bad entries are skipped', async () => {
    let adminEntries: string[] = [];
    let reads = 0;
    const { logger, lines } = createCapturingLogger();
    const guarded = client({
      allowlist: [],
      logger,
      loadExtraAllowlist: async () => {
        reads += 1;
        return adminEntries;
      },
    });
    expect((await failure(guarded.request(`${site.origin}/json`))).code).toBe('outbound_blocked');
    adminEntries = ['not a host', '127.0.0.1/32'];
    // Still cached.
    expect((await failure(guarded.request(`${site.origin}/json`))).code).toBe('outbound_blocked');
    expect(reads).toBe(1);
    guarded.invalidateAllowlist();
    expect((await guarded.request(`${site.origin}/json`)).status).toBe(200);
    expect(reads).toBe(2);
    expect(lines.some((line) => line.includes('invalid entry'))).toBe(true);
  });

  it('falls back to the configured list when the setting cannot be read', async () => {
    const guarded = client({ loadExtraAllowlist: async () => { throw new Error('database down'); } });
    expect((await guarded.request(`${site.origin}/json`)).status).toBe(200);
  });

  it('refuses to start with a malformed configured entry, naming it', () => {
    expect(() => client({ allowlist: ['10.0.0.0/99'] })).toThrow('Outbound allow-list: "10.0.0.0/99" is not a valid CIDR range');
  });
});

describe('logging', () => {
  it('never logs user-info or secret query values', async () => {
    const { logger, lines } = createCapturingLogger('debug');
    const guarded = client({ logger });
    await guarded.request(`${site.origin.replace('//', '//ada:pa55word@')}/json?api_key=SECRET-1&q=cats`);
    await failure(createOutboundHttp({ allowlist: [], timeoutMs: 1000, maxBytes: 100, logger }).request('http://10.0.0.1/x?token=SECRET-2'));
    const text = lines.join('\n');
    expect(text).toContain('outbound request');
    expect(text).toContain('q=cats');
    expect(text).not.toContain('SECRET-1');
    expect(text).not.toContain('SECRET-2');
    expect(text).not.toContain('pa55word');
  });
});
