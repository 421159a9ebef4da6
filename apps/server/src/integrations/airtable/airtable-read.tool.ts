import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { airtableRequest, airtableTable, recordIdInput, simplifyRecord, tableInput, type AirtableRecord } from './airtable-api.js';

export const airtableReadTool = defineTool({
  name: 'airtable_read',
  displayName: 'Read Airtable Record',
  description: 'Reads one record of an Airtable table by its id (recXXXX…). Returns its id, creation time and fields.',
  icon: 'FileText',
  category: 'integrations',
  integration: 'airtable',
  keywords: ['airtable', 'database', 'record', 'read', 'get', 'row'],
  inputSchema: z.object({ ...tableInput, record_id: recordIdInput }),
  async execute(input, context) {
    const table = await airtableTable(context, input);
    const record = await airtableRequest<AirtableRecord>(context, table.token, { url: `${table.tableUrl}/${input.record_id}` });
    return { result: { base_id: table.baseId, table: input.table_name, record: simplifyRecord(record) } };
  },
});
