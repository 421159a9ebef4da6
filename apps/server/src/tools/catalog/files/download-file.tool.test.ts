import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uploadSchema } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, tinyPng } from '../../../files/test-support.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import { bearer } from '../../../test/factories.js';
import { downloadFileTool, filenameFromDisposition } from './download-file.tool.js';
import { createFileToolsTestbed, type FileToolsTestbed } from './test-support.js';

/** A file server on loopback, allowed for this test through OUTBOUND_ALLOWLIST (the app's real guarded client). */
let server: Server;
let baseUrl: string;
const requests: string[] = [];
let testbed: FileToolsTestbed;
let pdf: Buffer;

const megabyte = 1024 * 1024;

beforeAll(async () => {
  pdf = await buildPdf(['Downloaded annual report.']);
  const routes: Record<string, { type: string; body: Buffer; headers?: Record<string, string> }> = {
    '/reports/annual.pdf': { type: 'application/pdf', body: pdf },
    '/export?id=7': { type: 'text/csv; charset=utf-8', body: Buffer.from('a,b\n1,2\n'), headers: { 'content-disposition': 'attachment; filename="sales report.csv"' } },
    '/avatar': { type: 'image/png', body: tinyPng },
    '/fake.pdf': { type: 'application/pdf', body: Buffer.from('<html>not a pdf</html>') },
    '/big.pdf': { type: 'application/pdf', body: Buffer.concat([pdf, Buffer.alloc(10 * megabyte)]) },
    '/big.png': { type: 'image/png', body: Buffer.concat([tinyPng, Buffer.alloc(20 * megabyte)]) },
    '/huge.wav': { type: 'audio/wav', body: Buffer.alloc(26 * megabyte) },
  };
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/reports/annual.pdf' }).end();
      return;
    }
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('missing');
      return;
    }
    response.writeHead(200, { 'content-type': route.type, 'content-length': String(route.body.length), ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  testbed = await createFileToolsTestbed({ OUTBOUND_ALLOWLIST: '127.0.0.1/32' });
});
afterAll(async () => {
  await testbed.app.close();
  await new Promise((resolve) => server.close(resolve));
});

const run = (input: Record<string, unknown>, context = testbed.context) => downloadFileTool.execute(downloadFileTool.inputSchema.parse(input), context);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('download_file', () => {
  it('keeps a downloaded PDF as an upload of the user, readable over the API', async () => {
    const { result } = await run({ url: `${baseUrl}/moved` });
    expect(result).toMatchObject({ filename: 'annual.pdf', mime_type: 'application/pdf', size_bytes: pdf.length, source_url: `${baseUrl}/reports/annual.pdf` });
    const fileId = (result as { file_id: string }).file_id;
    const upload = await testbed.app.http.inject({ url: `/api/upload/${fileId}`, headers: bearer(testbed.session.accessToken) });
    expect(uploadSchema.parse(upload.json())).toMatchObject({ fileId, kind: 'pdf', pageCount: 1, preview: 'Downloaded annual report.' });
    expect((await testbed.app.toolFiles.readUpload(testbed.session.user.id, fileId)).data).toEqual(pdf);
  });

  it('names the file from the server, the URL or its type, or as asked', async () => {
    expect((await run({ url: `${baseUrl}/export?id=7` })).result).toMatchObject({ filename: 'sales report.csv', mime_type: 'text/csv' });
    expect((await run({ url: `${baseUrl}/avatar` })).result).toMatchObject({ filename: 'avatar.png', mime_type: 'image/png' });
    expect((await run({ url: `${baseUrl}/avatar`, filename: 'me.png' })).result).toMatchObject({ filename: 'me.png' });
  });

  it('refuses content that is not what it claims, files over the caps, and missing files', async () => {
    expect(await failure(run({ url: `${baseUrl}/fake.pdf` }))).toMatchObject({ code: 'unsupported_media_type', message: 'fake.pdf is named as a PDF, but its content is plain text' });
    expect(await failure(run({ url: `${baseUrl}/big.pdf` }))).toMatchObject({ code: 'payload_too_large', message: 'big.pdf is larger than 10 MB, the limit for this type of file' });
    expect(await failure(run({ url: `${baseUrl}/big.png` }))).toMatchObject({ code: 'payload_too_large', message: 'big.png is larger than 20 MB, the limit for this type of file' });
    expect(await failure(run({ url: `${baseUrl}/huge.wav` }))).toMatchObject({ code: 'response_too_large' });
    expect(await failure(run({ url: `${baseUrl}/nothing-here` }))).toMatchObject({ code: 'upstream_unavailable', message: `The server answered 404 for ${baseUrl}/nothing-here; the file was not downloaded.` });
    const kept = await testbed.app.database.db.selectFrom('files').select('filename').execute();
    expect(kept.map((row) => row.filename)).not.toContain('fake.pdf');
    expect(kept.map((row) => row.filename)).not.toContain('big.pdf');
  });

  it('goes through the SSRF guard: loopback is refused when it is not allowed, before any request', async () => {
    const unguarded = createOutboundHttp({ allowlist: [], timeoutMs: 5000, maxBytes: 30 * megabyte });
    const before = requests.length;
    const error = await failure(run({ url: `${baseUrl}/reports/annual.pdf` }, { ...testbed.context, http: unguarded }));
    expect(error.code).toBe('outbound_blocked');
    expect(requests.length).toBe(before);
    expect(downloadFileTool.inputSchema.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false);
    expect(downloadFileTool.inputSchema.safeParse({ url: 'not a url' }).success).toBe(false);
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name and reads quoted and bare names', () => {
    expect(filenameFromDisposition(`attachment; filename="a.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`)).toBe('résumé.pdf');
    expect(filenameFromDisposition('attachment; filename="quarterly report.csv"')).toBe('quarterly report.csv');
    expect(filenameFromDisposition('attachment; filename=data.json')).toBe('data.json');
    expect(filenameFromDisposition('inline')).toBeNull();
    expect(filenameFromDisposition(undefined)).toBeNull();
  });
});
