import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { airtableRequest, airtableTable, recordIdInput, simplifyRecord, tableInput, type AirtableRecord } from './airtable-api.js';

export const airtableUpdateTool = defineTool({
  name: 'airtable_update',
  displayName: 'Update Airtable Record',
  description:
    'Changes fields of one Airtable record (PATCH: fields not given keep their values). Returns the record\'s id and ' +
    'all its fields after the change.',
  icon: 'Edit',
  category: 'integrations',
  integration: 'airtable',
  keywords: ['airtable', 'database', 'record', 'update', 'edit', 'change', 'row'],
  inputSchema: z.object({
    ...tableInput,
    record_id: recordIdInput,
    fields: z.record(z.string(), z.unknown()).refine((fields) => Object.keys(fields).length > 0, 'Give at least one field').describe('Field values to set, by field name'),
    typecast: z.boolean().optional().describe('Let Airtable convert values to the fields\' types'),
  }),
  async execute(input, context) {
    const table = await airtableTable(context, input);
    const record = await airtableRequest<AirtableRecord>(context, table.token, {
      method: 'PATCH',
      url: `${table.tableUrl}/${input.record_id}`,
      json: { fields: input.fields, ...(input.typecast === undefined ? {} : { typecast: input.typecast }) },
    });
    return { result: { updated: true, base_id: table.baseId, table: input.table_name, record_id: record.id, record: simplifyRecord(record) } };
  },
});
