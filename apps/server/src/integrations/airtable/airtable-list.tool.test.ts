import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { airtableListTool } from './airtable-list.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { api_key: 'patTOKEN.secret', base_id: 'appDefault000001' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.airtable.com'], origin: api.origin, credentials: { airtable: credential } });
}

const record = (n: number) => ({ id: `rec${String(n).padStart(14, '0')}`, createdTime: '2025-01-01T00:00:00.000Z', fields: { Name: `Row ${n}` } });
const records = (from: number, count: number) => Array.from({ length: count }, (_, index) => record(from + index));

describe('airtable_list', () => {
  it('GETs the table with the view, formula, fields and page size, Bearer token, and the credential\'s base by default', async () => {
    api.answer({ json: { records: [record(1), record(2)] } });
    const { result } = await runTool(
      airtableListTool,
      { table_name: 'Tasks & Bugs', view: 'Grid view', max_records: 10, filter_formula: '{Status} = "Open"', fields: ['Name'] },
      context(),
    );
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/v0/appDefault000001/Tasks%20%26%20Bugs' });
    expect(request!.query).toEqual({ pageSize: '10', maxRecords: '10', view: 'Grid view', filterByFormula: '{Status} = "Open"', 'fields[]': 'Name' });
    expect(request!.headers.authorization).toBe('Bearer patTOKEN.secret');
    expect(result).toEqual({
      base_id: 'appDefault000001',
      table: 'Tasks & Bugs',
      count: 2,
      records: [
        { id: record(1).id, created_time: '2025-01-01T00:00:00.000Z', fields: { Name: 'Row 1' } },
        { id: record(2).id, created_time: '2025-01-01T00:00:00.000Z', fields: { Name: 'Row 2' } },
      ],
    });
  });

  it('follows Airtable\'s offset page by page up to max_records and hands back the offset that is left', async () => {
    api.answer({ json: { records: records(1, 100), offset: 'itrA/rec1' } }, { json: { records: records(101, 50), offset: 'itrB/rec2' } });
    const { result } = await runTool(airtableListTool, { base_id: 'appOther00000002', table_name: 'tblTasks', max_records: 150 }, context());
    expect(api.requests.map((request) => request.path)).toEqual(['/v0/appOther00000002/tblTasks', '/v0/appOther00000002/tblTasks']);
    expect(api.requests[0]!.query).toEqual({ pageSize: '100', maxRecords: '150' });
    expect(api.requests[1]!.query).toEqual({ pageSize: '50', maxRecords: '150', offset: 'itrA/rec1' });
    expect(result).toMatchObject({ count: 150, truncated: true, offset: 'itrB/rec2' });
  });

  it('reports a refused token (401) readably', async () => {
    api.answer({ status: 401, json: { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } } });
    await expect(runTool(airtableListTool, { table_name: 'Tasks' }, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('Airtable refused the credential (401): Authentication required'),
    });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, json: { errors: [{ error: 'RATE_LIMIT_REACHED' }] } }, { json: { records: [] } });
    const { result } = await runTool(airtableListTool, { table_name: 'Tasks' }, context());
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]!.path).toBe(api.requests[0]!.path);
    expect(result).toMatchObject({ count: 0 });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(airtableListTool, { table_name: 'Tasks' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Airtable answered with an HTML page instead of JSON'),
    });
  });

  it('names a missing token or base and sends nothing', async () => {
    await expect(runTool(airtableListTool, { table_name: 'Tasks' }, context({ base_id: 'appDefault000001' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"api_key"'),
    });
    await expect(runTool(airtableListTool, { table_name: 'Tasks' }, context({ api_key: 'pat' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('base_id'),
    });
    await expect(runTool(airtableListTool, { table_name: 'Tasks', base_id: '../meta' }, context())).rejects.toMatchObject({ code: 'validation_failed' });
    expect(() => airtableListTool.inputSchema.parse({ table_name: '..' })).toThrow();
    expect(api.requests).toHaveLength(0);
  });
});
