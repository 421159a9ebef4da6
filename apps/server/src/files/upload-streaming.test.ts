import { readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SessionResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { registerAdmin } from '../test/factories.js';
import { multipartBoundary, multipartEpilogue, multipartPreamble, tinyPng } from './test-support.js';

/**
 * A 2 GB upload against a real listening server: it must be refused once the type's cap is passed, without
 * the server buffering or draining the rest, and without leaving a file behind.
 */
let app: TestApp;
let admin: SessionResponse;
let port: number;

beforeAll(async () => {
  app = await createTestApp();
  admin = await registerAdmin(app);
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  port = (app.http.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

const twoGigabytes = 2 * 1024 * 1024 * 1024;
const chunk = Buffer.alloc(1024 * 1024, 0x41);

interface StreamedResult {
  status: number;
  body: string;
  /** Bytes of file content the client managed to hand to the socket. */
  bytesWritten: number;
}

/**
 * Sends a PNG that claims to be `totalBytes` long, chunk by chunk. Keeps writing after the answer (up to
 * 64 MB more) to see whether the server closes the connection or would drain the rest.
 */
function streamUpload(options: { totalBytes: number; declareLength: boolean }): Promise<StreamedResult> {
  const preamble = multipartPreamble({ filename: 'huge.png', contentType: 'image/png' });
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let response: IncomingMessage | null = null;
    let body = '';
    let writtenAfterAnswer = 0;
    let isSocketClosed = false;
    const request = httpRequest({
      host: '127.0.0.1', port, method: 'POST', path: '/api/upload',
      headers: {
        authorization: `Bearer ${admin.accessToken}`,
        'content-type': `multipart/form-data; boundary=${multipartBoundary}`,
        ...(options.declareLength ? { 'content-length': String(preamble.length + options.totalBytes + multipartEpilogue.length) } : {}),
      },
    });
    // Done when the answer is read and the server has closed the connection (a server that kept it open
    // to drain the body would hang here and fail the test by its timeout).
    const finish = () => {
      if (response?.complete && isSocketClosed) resolve({ status: response.statusCode ?? 0, body, bytesWritten });
    };
    request.on('response', (incoming) => {
      response = incoming;
      incoming.setEncoding('utf8');
      incoming.on('data', (text: string) => (body += text));
      incoming.on('end', finish);
    });
    request.on('error', () => {
      isSocketClosed = true;
      finish();
    });
    request.on('close', () => {
      isSocketClosed = true;
      finish();
    });
    request.write(preamble);
    if (options.declareLength) return; // The server should answer from the headers alone.
    const pump = () => {
      while (!isSocketClosed && bytesWritten < options.totalBytes && writtenAfterAnswer < 64 * chunk.length) {
        const piece = bytesWritten === 0 ? Buffer.concat([tinyPng, chunk.subarray(tinyPng.length)]) : chunk;
        bytesWritten += piece.length;
        if (response) writtenAfterAnswer += piece.length;
        if (!request.write(piece)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!isSocketClosed && writtenAfterAnswer >= 64 * chunk.length) reject(new Error('the server kept reading after it answered'));
      if (!isSocketClosed && bytesWritten >= options.totalBytes) request.end(multipartEpilogue);
    };
    pump();
  });
}

describe('a 2 GB upload', () => {
  it('streamed without a length, is refused soon after 20 MB and the connection is closed', async () => {
    const result = await streamUpload({ totalBytes: twoGigabytes, declareLength: false });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'payload_too_large', message: 'huge.png is larger than 20 MB, the limit for this type of file' } });
    // 20 MB cap, plus what socket and stream buffers held, plus what was in flight when the answer came.
    expect(result.bytesWritten).toBeLessThan(120 * 1024 * 1024);
    expect(readdirSync(join(app.config.files.dir, 'blobs'))).toEqual([]);
    expect(await app.database.db.selectFrom('files').selectAll().execute()).toEqual([]);
  });

  it('with a declared length, is refused before any content is sent', async () => {
    const result = await streamUpload({ totalBytes: twoGigabytes, declareLength: true });
    expect(result.status).toBe(413);
    expect(result.bytesWritten).toBe(0);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
