import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { airtableUpdateTool } from './airtable-update.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.airtable.com'], origin: api.origin, credentials: { airtable: { api_key: 'patTOKEN.secret' } } });

describe('airtable_update', () => {
  it('PATCHes /v0/{base}/{table}/{record} with the fields and returns the record after the change', async () => {
    api.answer({ json: { id: 'recAbc123456789012', createdTime: '2025-02-02T00:00:00.000Z', fields: { Name: 'Ada', Status: 'Done' } } });
    const { result } = await runTool(
      airtableUpdateTool,
      { base_id: 'appBase000000001', table_name: 'tblPeople', record_id: 'recAbc123456789012', fields: { Status: 'Done' } },
      context(),
    );
    expect(api.requests[0]).toMatchObject({ method: 'PATCH', path: '/v0/appBase000000001/tblPeople/recAbc123456789012', body: { fields: { Status: 'Done' } } });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer patTOKEN.secret');
    expect(result).toEqual({
      updated: true,
      base_id: 'appBase000000001',
      table: 'tblPeople',
      record_id: 'recAbc123456789012',
      record: { id: 'recAbc123456789012', created_time: '2025-02-02T00:00:00.000Z', fields: { Name: 'Ada', Status: 'Done' } },
    });
  });
});
