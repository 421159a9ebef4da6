import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { airtableCreateTool } from './airtable-create.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({
    baseUrls: ['https://api.airtable.com'],
    origin: api.origin,
    credentials: { airtable: { api_key: 'patTOKEN.secret', base_id: 'appDefault000001' } },
  });

describe('airtable_create', () => {
  it('POSTs {fields, typecast} to the table and returns the new record', async () => {
    api.answer({ json: { id: 'recNew000000000001', createdTime: '2025-03-03T00:00:00.000Z', fields: { Name: 'Ada', Status: 'Open' } } });
    const { result } = await runTool(airtableCreateTool, { table_name: 'People', fields: { Name: 'Ada', Status: 'Open' }, typecast: true }, context());
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v0/appDefault000001/People', body: { fields: { Name: 'Ada', Status: 'Open' }, typecast: true } });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer patTOKEN.secret');
    expect(api.requests[0]!.headers['content-type']).toBe('application/json');
    expect(result).toEqual({
      created: true,
      base_id: 'appDefault000001',
      table: 'People',
      record_id: 'recNew000000000001',
      record: { id: 'recNew000000000001', created_time: '2025-03-03T00:00:00.000Z', fields: { Name: 'Ada', Status: 'Open' } },
    });
  });

  it('passes on Airtable\'s reason for a refused record (422) and refuses empty fields itself', async () => {
    api.answer({ status: 422, json: { error: { type: 'UNKNOWN_FIELD_NAME', message: 'Unknown field name: "Nmae"' } } });
    await expect(runTool(airtableCreateTool, { table_name: 'People', fields: { Nmae: 'Ada' } }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Airtable refused the request (422): Unknown field name: "Nmae"'),
    });
    expect(airtableCreateTool.inputSchema.safeParse({ table_name: 'People', fields: {} }).success).toBe(false);
  });
});
