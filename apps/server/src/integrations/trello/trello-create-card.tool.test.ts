import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { trelloCreateCardTool } from './trello-create-card.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.trello.com'], origin: api.origin, credentials: { trello: { api_key: 'trello-key', token: 'trello-token' } } });

describe('trello_create_card', () => {
  it('POSTs /1/cards with the card\'s fields as query parameters, as Trello documents', async () => {
    api.answer({ json: { id: '5f0c00000000000000000201', name: 'Ship it', url: 'https://trello.com/c/Zz9/2-ship-it', idList: '5f0c00000000000000000011', due: '2025-05-01T17:00:00.000Z' } });
    const { result } = await runTool(
      trelloCreateCardTool,
      { list_id: '5f0c00000000000000000011', name: 'Ship it', desc: 'All of it', due: '2025-05-01T17:00:00Z', labels: 'l1,l2', pos: 'top' },
      context(),
    );
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/1/cards' });
    expect(api.requests[0]!.query).toEqual({
      idList: '5f0c00000000000000000011',
      name: 'Ship it',
      desc: 'All of it',
      due: '2025-05-01T17:00:00Z',
      idLabels: 'l1,l2',
      pos: 'top',
      key: 'trello-key',
      token: 'trello-token',
    });
    expect(result).toEqual({
      created: true,
      card_id: '5f0c00000000000000000201',
      name: 'Ship it',
      url: 'https://trello.com/c/Zz9/2-ship-it',
      list_id: '5f0c00000000000000000011',
      due: '2025-05-01T17:00:00.000Z',
    });
  });

  it('refuses a due date that is not ISO 8601', () => {
    expect(trelloCreateCardTool.inputSchema.safeParse({ list_id: '5f0c00000000000000000011', name: 'x', due: 'next friday' }).success).toBe(false);
  });
});
