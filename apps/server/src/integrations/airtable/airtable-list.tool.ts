import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { airtableRequest, airtableTable, simplifyRecord, tableInput, type AirtableRecord } from './airtable-api.js';

/** Airtable answers at most 100 records a page. */
const pageSize = 100;
const maxRecordsCap = 1_000;

export const airtableListTool = defineTool({
  name: 'airtable_list',
  displayName: 'List Airtable Records',
  description:
    'Lists records of an Airtable table, optionally through a view and filtered by an Airtable formula ' +
    '(e.g. {Status} = "Open"). Follows Airtable\'s pages up to max_records (default 100, at most 1000). Returns each ' +
    'record\'s id, creation time and fields, and an offset to continue when more remain.',
  icon: 'Table',
  category: 'integrations',
  integration: 'airtable',
  keywords: ['airtable', 'database', 'records', 'list', 'table', 'rows', 'spreadsheet', 'filter'],
  inputSchema: z.object({
    ...tableInput,
    view: z.string().max(200).optional().describe('A view name or id: its filters and order apply'),
    max_records: z.number().int().min(1).default(100).transform((count) => Math.min(count, maxRecordsCap)).describe('Records to return (default 100, at most 1000)'),
    filter_formula: z.string().max(5_000).optional().describe('An Airtable formula records must satisfy, e.g. AND({Status} = "Open", {Owner} = "Ada")'),
    fields: z.array(z.string().max(200)).max(100).optional().describe('Only these fields of each record'),
    offset: z.string().max(200).optional().describe('offset of a previous answer, to continue listing'),
  }),
  async execute(input, context) {
    const table = await airtableTable(context, input);
    const records: AirtableRecord[] = [];
    let offset = input.offset;
    do {
      const page = await airtableRequest<{ records: AirtableRecord[]; offset?: string }>(context, table.token, {
        url: table.tableUrl,
        query: {
          pageSize: Math.min(pageSize, input.max_records - records.length),
          maxRecords: input.max_records,
          view: input.view,
          filterByFormula: input.filter_formula,
          'fields[]': input.fields,
          offset,
        },
      });
      records.push(...page.records);
      offset = page.offset;
    } while (offset && records.length < input.max_records);
    return {
      result: {
        base_id: table.baseId,
        table: input.table_name,
        count: records.length,
        records: records.map(simplifyRecord),
        ...(offset ? { truncated: true, offset } : {}),
      },
    };
  },
});
