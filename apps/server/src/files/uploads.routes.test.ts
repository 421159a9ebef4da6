import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiErrorSchema, uploadSchema, uploadStatusSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCapturingLogger } from '../test/capture-logger.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { createFilesModule } from './index.js';
import { buildDocx, buildPdf, buildPlainZip, buildPptx, buildXlsx, multipartBody, tinyPng } from './test-support.js';

let app: TestApp;
let owner: SessionResponse;
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);

beforeEach(async () => {
  clockOffsetMs = 0;
  app = await createTestApp({ env: { UPLOAD_TTL: '10m' }, overrides: { now } });
  owner = await registerAdmin(app);
});
afterEach(() => app.close());

const blobs = () => readdirSync(join(app.config.files.dir, 'blobs'));
const fileRows = () => app.database.db.selectFrom('files').selectAll().execute();

function upload(file: { filename: string; contentType?: string; data: Buffer | string; field?: string }, token = owner.accessToken, fields: Record<string, string> = {}) {
  const { payload, headers } = multipartBody(file, fields);
  return app.http.inject({ method: 'POST', url: '/api/upload', payload, headers: { ...headers, ...bearer(token) } });
}

async function uploaded(file: Parameters<typeof upload>[0], fields: Record<string, string> = {}) {
  const response = await upload(file, owner.accessToken, fields);
  expect(response.statusCode, response.body).toBe(201);
  return uploadSchema.parse(response.json());
}

function errorOf(response: { statusCode: number; json: () => unknown }) {
  return { status: response.statusCode, ...apiErrorSchema.parse(response.json()).error };
}

describe('POST /api/upload', () => {
  it('stores a PDF under a random name, extracts its text and serves it back to its owner', async () => {
    const pdf = await buildPdf(['Quarterly revenue grew by twelve percent.', 'Second page.']);
    const body = await uploaded({ filename: 'Q3 report.pdf', contentType: 'application/pdf', data: pdf }, { conversationId: 'conv-1' });
    expect(body).toMatchObject({
      filename: 'Q3 report.pdf', mimeType: 'application/pdf', kind: 'pdf', size: pdf.length, conversationId: 'conv-1',
      pageCount: 2, wordCount: 8, url: `/api/upload/${body.fileId}/content`,
    });
    expect(body.preview).toContain('Quarterly revenue grew by twelve percent.');
    expect(Date.parse(body.expiresAt) - Date.parse(body.createdAt)).toBe(600_000);

    const [row] = await fileRows();
    expect(row).toMatchObject({ id: body.fileId, kind: 'upload', sha256: body.sha256, access_code_hash: null });
    expect(blobs()).toEqual([row?.storage_name]);
    expect(row?.storage_name).toMatch(/^[0-9a-f]{32}$/);

    expect((await app.http.inject({ url: `/api/upload/${body.fileId}`, headers: bearer(owner.accessToken) })).json()).toEqual(body);
    const content = await app.http.inject({ url: body.url, headers: bearer(owner.accessToken) });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload).toEqual(pdf);
    expect(content.headers).toMatchObject({
      'content-type': 'application/pdf', 'content-length': String(pdf.length), 'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="Q3 report.pdf"; filename*=UTF-8''Q3%20report.pdf`,
    });
    const status = await app.http.inject({ url: `/api/upload/${body.fileId}/status`, headers: bearer(owner.accessToken) });
    expect(uploadStatusSchema.parse(status.json())).toEqual({ fileId: body.fileId, status: 'ready', expiresAt: body.expiresAt });
  });

  it('reads Word and PowerPoint text, and previews CSV, Excel and JSON tables', async () => {
    const docx = await uploaded({ filename: 'letter.docx', data: await buildDocx(['Dear Ada,', 'Thanks for the engine notes.']) });
    expect(docx).toMatchObject({ kind: 'document', wordCount: 7, preview: 'Dear Ada,\n\nThanks for the engine notes.' });
    const pptx = await uploaded({ filename: 'deck.pptx', data: await buildPptx([['Roadmap'], ['Q1', 'Ship uploads']]) });
    expect(pptx).toMatchObject({ kind: 'document', pageCount: 2, preview: 'Slide 1\nRoadmap\n\nSlide 2\nQ1\nShip uploads' });

    const csv = await uploaded({ filename: 'sales.csv', contentType: 'text/csv', data: 'region;amount\nNorth;10\nSouth;20\n' });
    expect(csv.dataPreview).toEqual({ headers: ['region', 'amount'], rows: [['North', '10'], ['South', '20']], rowCount: 2, columnCount: 2 });
    const xlsx = await uploaded({ filename: 'book.xlsx', data: await buildXlsx({ Q1: [['item', 'cost'], ['rent', 500]], Q2: [['x']] }) });
    expect(xlsx.dataPreview).toEqual({ headers: ['item', 'cost'], rows: [['rent', '500']], rowCount: 1, columnCount: 2, sheetNames: ['Q1', 'Q2'] });
    const json = await uploaded({ filename: 'people.json', contentType: 'application/json', data: JSON.stringify([{ name: 'Ada', born: 1815 }, { name: 'Alan' }]) });
    expect(json.dataPreview).toEqual({ headers: ['name', 'born'], rows: [['Ada', '1815'], ['Alan', '']], rowCount: 2, columnCount: 2 });
    const png = await uploaded({ filename: 'pixel.png', contentType: 'image/png', data: tinyPng });
    expect(png).toMatchObject({ kind: 'image', mimeType: 'image/png', size: tinyPng.length });
    expect(png.preview).toBeUndefined();
    expect(blobs()).toHaveLength(6);
  });

  it('refuses content that contradicts its name or type, and leaves nothing behind', async () => {
    const cases = [
      { file: { filename: 'report.pdf', contentType: 'application/pdf', data: 'this is text, not a PDF' }, message: 'report.pdf is named as a PDF, but its content is plain text' },
      { file: { filename: 'photo.png', contentType: 'image/png', data: await buildPdf(['x']) }, message: 'photo.png is named as a PNG image, but its content is a PDF' },
      { file: { filename: 'archive.docx', data: await buildPlainZip() }, message: 'archive.docx is a ZIP archive, not a Word, PowerPoint or Excel file' },
      { file: { filename: 'pixel', contentType: 'application/pdf', data: tinyPng }, message: 'pixel was sent as application/pdf, but its content is a PNG image' },
      { file: { filename: 'setup.exe', data: 'MZ' }, message: expect.stringMatching(/^Files of type \.exe cannot be uploaded/) },
      { file: { filename: 'blob.bin', data: Buffer.from([0x00, 0x9f, 0x92, 0x96]) }, message: expect.stringMatching(/^Files of type \.bin cannot be uploaded/) },
      { file: { filename: 'blob', data: Buffer.from([0x00, 0x9f, 0x92, 0x96]) }, message: expect.stringMatching(/^The content of blob is not a type that can be uploaded/) },
    ];
    for (const { file, message } of cases) {
      const response = await upload(file);
      expect(errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_media_type', message });
      expect(response.headers.connection).toBe('close');
    }
    expect(blobs()).toEqual([]);
    expect(await fileRows()).toEqual([]);
  });

  it('refuses empty, unreadable and oversized files, requests without a file, and strangers', async () => {
    expect(errorOf(await upload({ filename: 'empty.txt', data: '' }))).toMatchObject({ status: 400, message: 'empty.txt is empty' });
    expect(errorOf(await upload({ filename: 'broken.pdf', data: '%PDF-1.7\nno objects at all' }))).toMatchObject({
      status: 400, message: 'broken.pdf could not be read as a PDF: its structure is damaged or it is not a PDF',
    });
    expect(errorOf(await upload({ filename: 'bad.json', data: '{"unterminated": ' }))).toMatchObject({ status: 400, message: expect.stringMatching(/^bad\.json is not valid JSON/) });
    const bigPng = Buffer.concat([tinyPng, Buffer.alloc(20 * 1024 * 1024)]);
    expect(errorOf(await upload({ filename: 'huge.png', data: bigPng }))).toMatchObject({ status: 413, code: 'payload_too_large', message: 'huge.png is larger than 20 MB, the limit for this type of file' });
    const bigPdf = Buffer.concat([await buildPdf(['x']), Buffer.alloc(10 * 1024 * 1024)]);
    expect(errorOf(await upload({ filename: 'huge.pdf', data: bigPdf }))).toMatchObject({ status: 413, message: 'huge.pdf is larger than 10 MB, the limit for this type of file' });
    expect(errorOf(await upload({ filename: 'a.txt', data: 'hi', field: 'document' }))).toMatchObject({ status: 400, message: 'The file must be in a field named "file", not "document"' });
    const json = await app.http.inject({ method: 'POST', url: '/api/upload', headers: bearer(owner.accessToken), payload: { file: 'x' } });
    expect(errorOf(json)).toMatchObject({ status: 415, message: 'Send the file as multipart/form-data in a field named "file"' });
    const anonymous = await app.http.inject({ method: 'POST', url: '/api/upload', ...multipartBody({ filename: 'a.txt', data: 'hi' }) });
    expect(anonymous.statusCode).toBe(401);
    expect(blobs()).toEqual([]);
    expect(await fileRows()).toEqual([]);
  });
});

describe('an upload’s owner and lifetime', () => {
  it('answers 404 to other users and for unknown ids, and deletes for the owner only', async () => {
    const file = await uploaded({ filename: 'notes.txt', data: 'private notes' });
    await setRegistrationMode(app, owner.accessToken, 'open');
    const stranger = (await registerUser(app)).json<SessionResponse>();
    for (const url of [`/api/upload/${file.fileId}`, `/api/upload/${file.fileId}/content`, `/api/upload/${file.fileId}/status`]) {
      expect(errorOf(await app.http.inject({ url, headers: bearer(stranger.accessToken) }))).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect((await app.http.inject({ method: 'DELETE', url: `/api/upload/${file.fileId}`, headers: bearer(stranger.accessToken) })).statusCode).toBe(404);
    expect((await app.http.inject({ url: '/api/upload/no-such-id', headers: bearer(owner.accessToken) })).statusCode).toBe(404);
    expect((await app.http.inject({ url: `/api/upload/${file.fileId}` })).statusCode).toBe(401);

    expect((await app.http.inject({ method: 'DELETE', url: `/api/upload/${file.fileId}`, headers: bearer(owner.accessToken) })).statusCode).toBe(204);
    expect((await app.http.inject({ url: `/api/upload/${file.fileId}`, headers: bearer(owner.accessToken) })).statusCode).toBe(404);
    expect(blobs()).toEqual([]);
  });

  it('answers 410 once expired, and the sweep then removes the row and the bytes', async () => {
    const kept = await uploaded({ filename: 'kept.txt', data: 'still here' });
    // Access tokens live 15 minutes: the clock stays within that.
    clockOffsetMs = 5 * 60_000;
    const fresh = await uploaded({ filename: 'fresh.txt', data: 'uploaded later' });
    clockOffsetMs = 11 * 60_000;
    const gone = await app.http.inject({ url: `/api/upload/${kept.fileId}/content`, headers: bearer(owner.accessToken) });
    expect(errorOf(gone)).toMatchObject({ status: 410, code: 'gone', message: `kept.txt expired at ${kept.expiresAt} and is no longer available; upload it again` });
    const status = await app.http.inject({ url: `/api/upload/${kept.fileId}/status`, headers: bearer(owner.accessToken) });
    expect(status.json()).toMatchObject({ status: 'expired' });

    const files = createFilesModule({ db: app.database.db, config: app.config.files, now, logger: createCapturingLogger().logger });
    expect(await files.sweepOnce()).toEqual({ expiredFiles: 1, orphanBlobs: 0 });
    expect((await app.http.inject({ url: `/api/upload/${kept.fileId}`, headers: bearer(owner.accessToken) })).statusCode).toBe(404);
    expect((await fileRows()).map((row) => row.id)).toEqual([fresh.fileId]);
    expect(blobs()).toHaveLength(1);
  });
});
