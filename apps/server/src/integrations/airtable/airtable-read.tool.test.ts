import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { airtableReadTool } from './airtable-read.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.airtable.com'], origin: api.origin, credentials: { airtable: { api_key: 'patTOKEN.secret' } } });

describe('airtable_read', () => {
  it('GETs /v0/{base}/{table}/{record} and returns the record', async () => {
    api.answer({ json: { id: 'recAbc123456789012', createdTime: '2025-02-02T00:00:00.000Z', fields: { Name: 'Ada', Done: true } } });
    const { result } = await runTool(airtableReadTool, { base_id: 'appBase000000001', table_name: 'People', record_id: 'recAbc123456789012' }, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/v0/appBase000000001/People/recAbc123456789012', query: {} });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer patTOKEN.secret');
    expect(result).toEqual({
      base_id: 'appBase000000001',
      table: 'People',
      record: { id: 'recAbc123456789012', created_time: '2025-02-02T00:00:00.000Z', fields: { Name: 'Ada', Done: true } },
    });
  });

  it('reports a record that does not exist (404) and refuses an id that is not a record id', async () => {
    api.answer({ status: 404, json: { error: 'NOT_FOUND' } });
    await expect(runTool(airtableReadTool, { base_id: 'appBase000000001', table_name: 'People', record_id: 'recMissing0000000' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Airtable found nothing there (404): NOT_FOUND'),
    });
    expect(airtableReadTool.inputSchema.safeParse({ base_id: 'appBase000000001', table_name: 'People', record_id: '../x' }).success).toBe(false);
  });
});
