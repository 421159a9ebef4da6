import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { trelloListsTool } from './trello-lists.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.trello.com'], origin: api.origin, credentials: { trello: { api_key: 'trello-key', token: 'trello-token' } } });

describe('trello_lists', () => {
  it('GETs /1/boards/{id}/lists and returns ids, names and positions', async () => {
    api.answer({ json: [{ id: '5f0c00000000000000000011', name: 'To do', closed: false, pos: 16384, idBoard: 'x' }, { id: '5f0c00000000000000000012', name: 'Done', closed: false, pos: 32768 }] });
    const { result } = await runTool(trelloListsTool, { board_id: '5f0c00000000000000000001' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/1/boards/5f0c00000000000000000001/lists' });
    expect(api.requests[0]!.query).toEqual({ filter: 'open', fields: 'name,closed,pos', key: 'trello-key', token: 'trello-token' });
    expect(result).toEqual({
      board_id: '5f0c00000000000000000001',
      count: 2,
      lists: [
        { id: '5f0c00000000000000000011', name: 'To do', pos: 16384, closed: false },
        { id: '5f0c00000000000000000012', name: 'Done', pos: 32768, closed: false },
      ],
    });
  });

  it('refuses a board id that could leave the path, before calling Trello', () => {
    expect(trelloListsTool.inputSchema.safeParse({ board_id: '../members/me' }).success).toBe(false);
  });
});
