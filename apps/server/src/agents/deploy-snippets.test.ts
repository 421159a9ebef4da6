import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deploySnippetsSchema, executionRecordSchema, uploadSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPdf } from '../files/test-support.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin } from '../test/factories.js';
import { addOneWorkflow, createAgentWithWorkflow, createApiKey, fileEchoWorkflow, listenOnLoopback } from './agents-test-support.js';
import { deploySnippets, sampleFilePath } from './deploy-snippets.js';

const languages = ['curl', 'python', 'javascript', 'go'] as const;

describe('deploySnippets', () => {
  it('uploads through /api/external/upload first only when the start block takes a file, and always waits for the result', () => {
    const origin = 'https://agents.example.test';
    const withFile = deploySnippets(origin, 'agent-1', JSON.stringify(fileEchoWorkflow));
    const withJson = deploySnippets(origin, 'agent-1', JSON.stringify(addOneWorkflow));
    for (const language of languages) {
      expect(withFile[language], language).toContain(`${origin}/api/external/upload`);
      expect(withFile[language], language).toContain(sampleFilePath);
      expect(withFile[language], language).toMatch(/file_id/);
      expect(withJson[language], language).not.toContain('/api/external/upload');
      for (const code of [withFile[language], withJson[language]]) {
        expect(code, language).toContain(`${origin}/api/trigger/agent-1`);
        expect(code, language).toMatch(language === 'python' ? /params=\{"wait": "true"\}/ : /\?wait=true/);
      }
    }
    // No workflow (or one that does not parse) gives the JSON example.
    expect(deploySnippets(origin, 'agent-1', '{not json').curl).toBe(deploySnippets(origin, 'agent-1').curl);
  });
});

describe('GET /api/agents/:id/deploy for an agent whose start block takes a file', () => {
  let app: TestApp;
  let owner: SessionResponse;
  let baseUrl: string;
  let workDir: string;
  beforeEach(async () => {
    app = await createTestApp();
    owner = await registerAdmin(app);
    baseUrl = await listenOnLoopback(app);
    workDir = await mkdtemp(join(tmpdir(), 'claraverse-snippet-'));
  });
  afterEach(async () => {
    await app.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('gives a curl script that uploads the file and runs the agent on it, and it works as written', async () => {
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, fileEchoWorkflow, 'Reader');
    const response = await fetch(`${baseUrl}/api/agents/${agentId}/deploy`, { headers: bearer(owner.accessToken) });
    expect(response.status).toBe(200);
    const snippets = deploySnippetsSchema.parse(await response.json());
    expect(snippets.curl).toContain(`${baseUrl}/api/external/upload`);

    // Run the script with bash and the real curl, in a folder holding the file it names, with a real key.
    const { apiKey } = await createApiKey(app, owner.accessToken, ['upload', `execute:${agentId}`]);
    await writeFile(join(workDir, sampleFilePath), await buildPdf(['Quarterly report']));
    const script = snippets.curl.replaceAll('clv_YOUR_API_KEY', apiKey);
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: workDir, env: { PATH: process.env['PATH'] ?? '' } });

    const execution = executionRecordSchema.parse(JSON.parse(stdout));
    expect(execution).toMatchObject({ agentId, status: 'completed', trigger: 'api' });
    const received = (execution.output as { Got: { file_id: string } }).Got;
    const uploaded = uploadSchema.parse((await app.http.inject({ url: `/api/upload/${received.file_id}`, headers: bearer(owner.accessToken) })).json());
    expect(uploaded).toMatchObject({ filename: sampleFilePath, mimeType: 'application/pdf' });
  });
});
