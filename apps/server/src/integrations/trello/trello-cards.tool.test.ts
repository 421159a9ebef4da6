import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { trelloCardsTool } from './trello-cards.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.trello.com'], origin: api.origin, credentials: { trello: { api_key: 'trello-key', token: 'trello-token' } } });

const card = {
  id: '5f0c00000000000000000101',
  name: 'Write spec',
  desc: 'd'.repeat(800),
  url: 'https://trello.com/c/AbCd1234/1-write-spec',
  due: '2025-05-01T17:00:00.000Z',
  dueComplete: false,
  closed: false,
  idList: '5f0c00000000000000000011',
  labels: [{ id: 'l1', name: 'docs', color: 'green' }, { id: 'l2', name: '', color: 'red' }],
};

describe('trello_cards', () => {
  it('GETs the cards of a list and returns them compactly (descriptions cut at 500 characters)', async () => {
    api.answer({ json: [card] });
    const { result } = await runTool(trelloCardsTool, { list_id: '5f0c00000000000000000011', board_id: '5f0c00000000000000000001' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/1/lists/5f0c00000000000000000011/cards' });
    expect(api.requests[0]!.query).toEqual({ fields: 'name,desc,url,due,dueComplete,closed,idList,labels,dateLastActivity', key: 'trello-key', token: 'trello-token' });
    expect(result).toEqual({
      list_id: '5f0c00000000000000000011',
      count: 1,
      cards: [
        {
          id: card.id,
          name: 'Write spec',
          description: 'd'.repeat(500),
          url: card.url,
          due: card.due,
          due_complete: false,
          list_id: card.idList,
          labels: ['docs', 'red'],
        },
      ],
    });
  });

  it('reads a whole board\'s cards with board_id, and asks for one of the two ids', async () => {
    api.answer({ json: [] });
    await runTool(trelloCardsTool, { board_id: 'AbCd1234' }, context());
    expect(api.requests[0]!.path).toBe('/1/boards/AbCd1234/cards');
    await expect(runTool(trelloCardsTool, {}, context())).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('list_id') });
    expect(api.requests).toHaveLength(1);
  });
});
