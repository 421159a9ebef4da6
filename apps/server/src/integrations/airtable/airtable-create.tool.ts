import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { airtableRequest, airtableTable, simplifyRecord, tableInput, type AirtableRecord } from './airtable-api.js';

export const airtableCreateTool = defineTool({
  name: 'airtable_create',
  displayName: 'Create Airtable Record',
  description:
    'Adds a record to an Airtable table with the given field values (keys are the field names). With typecast, ' +
    'Airtable converts text to the fields\' types and adds missing select options. Returns the new record\'s id and fields.',
  icon: 'Plus',
  category: 'integrations',
  integration: 'airtable',
  keywords: ['airtable', 'database', 'record', 'create', 'add', 'insert', 'row'],
  inputSchema: z.object({
    ...tableInput,
    fields: z.record(z.string(), z.unknown()).refine((fields) => Object.keys(fields).length > 0, 'Give at least one field').describe('Field values by field name, e.g. {"Name":"Ada","Status":"Open"}'),
    typecast: z.boolean().optional().describe('Let Airtable convert values to the fields\' types'),
  }),
  async execute(input, context) {
    const table = await airtableTable(context, input);
    const record = await airtableRequest<AirtableRecord>(context, table.token, {
      method: 'POST',
      url: table.tableUrl,
      json: { fields: input.fields, ...(input.typecast === undefined ? {} : { typecast: input.typecast }) },
    });
    return { result: { created: true, base_id: table.baseId, table: input.table_name, record_id: record.id, record: simplifyRecord(record) } };
  },
});
