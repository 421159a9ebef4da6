import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { trelloBoardsTool } from './trello-boards.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { api_key: 'trello-key', token: 'trello-token' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.trello.com'], origin: api.origin, credentials: { trello: credential } });
}

const board = (n: number) => ({
  id: `5f0c${String(n).padStart(20, '0')}`,
  name: `Board ${n}`,
  desc: 'Planning',
  url: `https://trello.com/b/abc${n}/board-${n}`,
  closed: false,
  dateLastActivity: '2025-03-01T00:00:00.000Z',
});

describe('trello_boards', () => {
  it('GETs /1/members/me/boards with key and token as query parameters and returns compact boards', async () => {
    api.answer({ json: [board(1)] });
    const { result } = await runTool(trelloBoardsTool, {}, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/1/members/me/boards' });
    expect(api.requests[0]!.query).toEqual({ filter: 'open', fields: 'name,desc,url,closed,dateLastActivity', key: 'trello-key', token: 'trello-token' });
    expect(result).toEqual({
      count: 1,
      boards: [{ id: board(1).id, name: 'Board 1', description: 'Planning', url: board(1).url, closed: false, last_activity: '2025-03-01T00:00:00.000Z' }],
    });
  });

  it('shows at most 100 boards and says the list was cut', async () => {
    api.answer({ json: Array.from({ length: 120 }, (_, index) => board(index)) });
    const { result } = await runTool(trelloBoardsTool, { filter: 'all' }, context());
    expect(api.requests[0]!.query.filter).toBe('all');
    expect(result).toMatchObject({ count: 120, truncated: true });
    expect((result as { boards: unknown[] }).boards).toHaveLength(100);
  });

  it('reports Trello\'s plain-text refusal of a token (401) readably', async () => {
    api.answer({ status: 401, headers: { 'content-type': 'text/plain' }, text: 'invalid token' });
    await expect(runTool(trelloBoardsTool, {}, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('Trello refused the credential (401): invalid token'),
    });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, json: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } }, { json: [] });
    const { result } = await runTool(trelloBoardsTool, {}, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toEqual({ count: 0, boards: [] });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(trelloBoardsTool, {}, context())).rejects.toMatchObject({ message: expect.stringContaining('Trello answered with an HTML page') });
  });

  it('names a missing token and sends nothing', async () => {
    await expect(runTool(trelloBoardsTool, {}, context({ api_key: 'trello-key' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"token"'),
    });
    expect(api.requests).toHaveLength(0);
  });
});
