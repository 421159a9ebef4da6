import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeUploadError, uploadFile, type UploadTransport } from './upload-file';
import { sendJson as json, startUploadTestServer, uploadResponseBody as uploadBody } from '../test/upload-test-server';

let server: Awaited<ReturnType<typeof startUploadTestServer>>;
let baseUrl: string;
let received: Awaited<ReturnType<typeof startUploadTestServer>>['received'];
const respond = (responder: Parameters<typeof server.answerWith>[0]) => server.answerWith(responder);

beforeAll(async () => {
  server = await startUploadTestServer();
  baseUrl = server.baseUrl;
  received = server.received;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  received.length = 0;
});

function transport(tokens: string[]): UploadTransport & { refreshes: number } {
  const state = { refreshes: 0, index: 0 };
  return {
    baseUrl,
    getAccessToken: () => tokens[state.index] ?? null,
    refreshSession: async () => {
      state.refreshes += 1;
      state.index += 1;
      return state.index < tokens.length;
    },
    isStrictResponseParsing: true,
    get refreshes() {
      return state.refreshes;
    },
  };
}

describe('uploadFile', () => {
  it('posts the file as multipart field "file" with the bearer token, reports progress and returns the upload', async () => {
    respond((_request, response) => json(response, 201, uploadBody()));
    const content = 'line of notes\n'.repeat(15_000);
    const progress: number[] = [];

    const upload = await uploadFile(new File([content], 'notes.txt', { type: 'text/plain' }), { onProgress: (fraction) => progress.push(fraction) }, transport(['token-1']));

    expect(upload).toMatchObject({ fileId: 'file-1', filename: 'notes.txt', size: 200_000 });
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', authorization: 'Bearer token-1' });
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const body = request?.body.toString('utf8') ?? '';
    expect(body).toContain('Content-Disposition: form-data; name="file"; filename="notes.txt"');
    expect(body).toContain(content);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((fraction, index) => fraction >= (progress[index - 1] ?? 0))).toBe(true);
  });

  it('renews an expired token once and sends the file again', async () => {
    respond((request, response) =>
      request.authorization === 'Bearer old'
        ? json(response, 401, { error: { code: 'token_expired', message: 'Your session has expired', requestId: 'r1' } })
        : json(response, 201, uploadBody()),
    );
    const session = transport(['old', 'new']);

    await uploadFile(new File(['a,b\n1,2\n'], 'table.csv', { type: 'text/csv' }), {}, session);

    expect(received.map((request) => request.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(session.refreshes).toBe(1);
  });

  it('rejects with the server’s error and turns it into a sentence naming the file', async () => {
    respond((_request, response) =>
      json(response, 413, { error: { code: 'payload_too_large', message: 'scan.pdf is larger than 10 MB, the limit for this type of file', requestId: 'r2' } }),
    );

    const failure = await uploadFile(new File(['%PDF-1.7'], 'scan.pdf', { type: 'application/pdf' }), {}, transport(['token'])).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(describeUploadError(failure, 'scan.pdf')).toBe('scan.pdf is larger than 10 MB, the limit for this type of file.');
    expect(describeUploadError(new ApiError({ code: 'rate_limited', message: 'Slow down', status: 429, retryAfterSeconds: 30 }), 'scan.pdf')).toBe(
      'scan.pdf could not be uploaded. Too many attempts. Try again in 30 seconds.',
    );
  });

  it('stops the request when cancelled', async () => {
    respond(() => {
      // Never answers: only the abort can end the upload.
    });
    const controller = new AbortController();
    const pending = uploadFile(new File(['hello'], 'hello.txt', { type: 'text/plain' }), { signal: controller.signal }, transport(['token']));
    await expect.poll(() => received.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('says the server could not be reached when nothing listens', async () => {
    const closed = { ...transport(['token']), baseUrl: 'http://127.0.0.1:9' };
    const failure = await uploadFile(new File(['x'], 'x.txt'), {}, closed).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'service_unavailable', status: 0 });
    expect(describeUploadError(failure, 'x.txt')).toBe('x.txt could not be uploaded. ClaraVerse cannot be reached right now. Check your connection and try again.');
  });
});
