import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createTextFileTool } from './create-text-file.tool.js';
import { createFileToolsTestbed, type FileToolsTestbed } from './test-support.js';

let testbed: FileToolsTestbed;
beforeAll(async () => {
  testbed = await createFileToolsTestbed();
});
afterAll(() => testbed.app.close());

const run = (input: Record<string, unknown>) => createTextFileTool.execute(createTextFileTool.inputSchema.parse(input), testbed.context);
const resultOf = async (input: Record<string, unknown>) => (await run(input)).result as { filename: string; download_url: string; size_bytes: number; message: string };

describe('create_text_file', () => {
  it('saves the text as a secure file whose link downloads it without a session', async () => {
    const content = 'def greet(name):\n    return f"Hello, {name} ☕"\n';
    const result = await resultOf({ filename: 'greet.py', content });
    expect(result).toMatchObject({ filename: 'greet.py', size_bytes: Buffer.byteLength(content), message: 'Created "greet.py". Give the user the download link; it works for 30 days.' });
    expect(result.download_url).toMatch(/^\/api\/files\/[0-9a-f-]+\?code=[0-9a-f]{32}$/);
    const download = await testbed.app.http.inject({ url: result.download_url });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(content);
    expect(download.headers['content-type']).toBe('text/x-python; charset=utf-8');
    expect(download.headers['content-disposition']).toContain('attachment; filename="greet.py"');
  });

  it('serves each text format with its type, adds .txt to a bare name and keeps only the last path segment', async () => {
    const json = await resultOf({ filename: 'data.json', content: '{"ok":true}' });
    expect((await testbed.app.http.inject({ url: json.download_url })).headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await resultOf({ filename: 'notes', content: 'x' })).filename).toBe('notes.txt');
    expect((await resultOf({ filename: 'Dockerfile', content: 'FROM node:20' })).filename).toBe('Dockerfile');
    expect((await resultOf({ filename: '../../etc/cron.d/job.sh', content: 'echo hi' })).filename).toBe('job.sh');
  });

  it('refuses binary extensions and invalid JSON, saving nothing', async () => {
    const before = (await testbed.app.database.db.selectFrom('files').selectAll().execute()).length;
    await expect(run({ filename: 'setup.exe', content: 'MZ' })).rejects.toThrow(AppError);
    await expect(run({ filename: 'setup.exe', content: 'MZ' })).rejects.toThrow('.exe is not a text format this tool writes; use one such as .txt, .md, .json, .csv, .html or .py');
    await expect(run({ filename: 'broken.json', content: '{"a":' })).rejects.toThrow(/^The content is not valid JSON/);
    expect(createTextFileTool.inputSchema.safeParse({ filename: 'a.txt', content: '' }).success).toBe(false);
    expect(createTextFileTool.inputSchema.safeParse({ filename: '', content: 'x' }).success).toBe(false);
    expect((await testbed.app.database.db.selectFrom('files').selectAll().execute()).length).toBe(before);
  });
});
