import { apiErrorSchema, executionRecordSchema, uploadSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgentWithWorkflow, createApiKey, fileEchoWorkflow } from '../agents/agents-test-support.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { multipartBody, tinyPng } from './test-support.js';

let app: TestApp;
let owner: SessionResponse;
beforeEach(async () => {
  // Rate limits on, as in production (the per-key upload limit is one of them).
  app = await createTestApp({ env: { RATE_LIMIT_ENABLED: 'true' } });
  owner = await registerAdmin(app);
});
afterEach(() => app.close());

function upload(headers: Record<string, string>, file: { filename: string; contentType?: string; data: Buffer | string } = { filename: 'pixel.png', contentType: 'image/png', data: tinyPng }) {
  const body = multipartBody(file);
  return app.http.inject({ method: 'POST', url: '/api/external/upload', payload: body.payload, headers: { ...body.headers, ...headers } });
}
const errorOf = (response: { statusCode: number; json(): unknown }) => ({ status: response.statusCode, ...apiErrorSchema.parse(response.json()).error });
const fileRows = () => app.database.db.selectFrom('files').select('id').execute();

describe('POST /api/external/upload', () => {
  it('stores a file for an upload-scoped key (Bearer or X-API-Key) whose id then runs an agent with a file start block', async () => {
    const { apiKey } = await createApiKey(app, owner.accessToken, ['upload', 'execute:*']);
    const response = await upload({ authorization: `Bearer ${apiKey}`, origin: 'https://partner.example' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const uploaded = uploadSchema.parse(response.json());
    expect(uploaded).toMatchObject({ filename: 'pixel.png', mimeType: 'image/png', kind: 'image', size: tinyPng.length });
    // The file belongs to the key's owner, like one uploaded in the app.
    expect((await app.http.inject({ url: `/api/upload/${uploaded.fileId}`, headers: bearer(owner.accessToken) })).json()).toEqual(uploaded);
    expect(uploadSchema.parse((await upload({ 'x-api-key': apiKey }, { filename: 'notes.txt', data: 'hello' })).json())).toMatchObject({ kind: 'text' });

    const agentId = await createAgentWithWorkflow(app, owner.accessToken, fileEchoWorkflow, 'Reader');
    const input = { file_id: uploaded.fileId, filename: uploaded.filename, mime_type: uploaded.mimeType };
    const run = await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}?wait=true`, headers: { authorization: `Bearer ${apiKey}` }, payload: { input } });
    expect(run.statusCode, run.body).toBe(200);
    expect(executionRecordSchema.parse(run.json())).toMatchObject({ status: 'completed', trigger: 'api', output: { Got: input } });

    // Another user cannot run their agent on this file, and an expired upload is refused before any run.
    await setRegistrationMode(app, owner.accessToken, 'open');
    const stranger = (await registerUser(app)).json<SessionResponse>();
    const strangerKey = await createApiKey(app, stranger.accessToken, ['execute:*']);
    const strangerAgent = await createAgentWithWorkflow(app, stranger.accessToken, fileEchoWorkflow, 'Peeker');
    const foreign = await app.http.inject({ method: 'POST', url: `/api/trigger/${strangerAgent}`, headers: { 'x-api-key': strangerKey.apiKey }, payload: { input } });
    expect(errorOf(foreign)).toMatchObject({ status: 404, code: 'not_found', message: `No upload with id ${uploaded.fileId}` });
    await app.database.db.updateTable('files').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', uploaded.fileId).execute();
    const expired = await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}`, headers: { 'x-api-key': apiKey }, payload: { input } });
    expect(errorOf(expired)).toMatchObject({ status: 400, code: 'validation_failed', message: expect.stringContaining('has expired') });
    expect(await app.database.db.selectFrom('executions').select('id').execute()).toHaveLength(1);
  });

  it('answers a browser’s preflight from any origin', async () => {
    const preflight = await app.http.inject({
      method: 'OPTIONS', url: '/api/external/upload',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
  });

  it('refuses missing, revoked, expired and out-of-scope keys and bad files in the one error format, storing nothing', async () => {
    const executeOnly = await createApiKey(app, owner.accessToken, ['execute:*']);
    const revoked = await createApiKey(app, owner.accessToken, ['upload']);
    await app.http.inject({ method: 'POST', url: `/api/keys/${revoked.id}/revoke`, headers: bearer(owner.accessToken) });
    const expired = await createApiKey(app, owner.accessToken, ['upload'], { expiresInDays: 1 });
    await app.database.db.updateTable('api_keys').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.id).execute();
    expect(errorOf(await upload({ authorization: `Bearer ${expired.apiKey}` }))).toMatchObject({ status: 401, code: 'unauthenticated', message: expect.stringContaining('expired') });
    expect(errorOf(await upload({}))).toMatchObject({ status: 401, code: 'unauthenticated', message: expect.stringContaining('"upload" scope') });
    expect(errorOf(await upload({ 'x-api-key': revoked.apiKey }))).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(errorOf(await upload({ authorization: `Bearer ${executeOnly.apiKey}` }))).toMatchObject({ status: 403, code: 'forbidden', message: expect.stringContaining('"upload"') });
    // A user's session is not an API key.
    expect(errorOf(await upload(bearer(owner.accessToken)))).toMatchObject({ status: 401, code: 'unauthenticated' });

    const { apiKey } = await createApiKey(app, owner.accessToken, ['upload']);
    expect(errorOf(await upload({ 'x-api-key': apiKey }, { filename: 'bad.json', data: '{"unterminated": ' }))).toMatchObject({ status: 400, code: 'validation_failed', message: expect.stringMatching(/^bad\.json is not valid JSON/) });
    expect(errorOf(await upload({ 'x-api-key': apiKey }, { filename: 'empty.txt', data: '' }))).toMatchObject({ status: 400, message: 'empty.txt is empty' });
    expect(errorOf(await upload({ 'x-api-key': apiKey }, { filename: 'photo.png', contentType: 'image/png', data: '%PDF-1.7 not a png' }))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await fileRows()).toEqual([]);
  });

  it('allows 10 uploads a minute per key', async () => {
    const first = await createApiKey(app, owner.accessToken, ['upload']);
    const second = await createApiKey(app, owner.accessToken, ['upload']);
    for (let index = 0; index < 10; index += 1) expect((await upload({ 'x-api-key': first.apiKey }, { filename: `n${index}.txt`, data: `note ${index}` })).statusCode).toBe(201);
    const limited = await upload({ 'x-api-key': first.apiKey }, { filename: 'n10.txt', data: 'one too many' });
    expect(errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another key has its own allowance.
    expect((await upload({ 'x-api-key': second.apiKey }, { filename: 'other.txt', data: 'fine' })).statusCode).toBe(201);
    expect(await fileRows()).toHaveLength(11);
  });
});
