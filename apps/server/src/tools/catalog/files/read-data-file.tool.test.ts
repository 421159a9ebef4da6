import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, buildXlsx } from '../../../files/test-support.js';
import type { AppError } from '../../../platform/errors/app-error.js';
import { readDataFileTool } from './read-data-file.tool.js';
import { createFileToolsTestbed, type FileToolsTestbed } from './test-support.js';

let testbed: FileToolsTestbed;
let csvId: string;
beforeAll(async () => {
  testbed = await createFileToolsTestbed();
  csvId = await testbed.upload('people.csv', 'name,born,city\n"Lovelace, Ada",1815,London\nTuring,1912,\nHopper,1906,New York\n', 'text/csv');
});
afterAll(() => testbed.app.close());

const run = (input: Record<string, unknown>) => readDataFileTool.execute(readDataFileTool.inputSchema.parse(input), testbed.context);
const resultOf = async (input: Record<string, unknown>) => (await run(input)).result as Record<string, unknown>;

describe('read_data_file', () => {
  it('gives CSV rows as objects by default, limited to max_rows', async () => {
    expect(await resultOf({ file_id: csvId, max_rows: 2 })).toEqual({
      file_id: csvId, filename: 'people.csv', mime_type: 'text/csv', format: 'json', total_rows: 3, returned_rows: 2, truncated: true,
      data: [{ name: 'Lovelace, Ada', born: '1815', city: 'London' }, { name: 'Turing', born: '1912', city: '' }],
    });
  });

  it('gives CSV as arrays of cells with the header, or as its raw text', async () => {
    expect(await resultOf({ file_id: csvId, format: 'csv_rows' })).toMatchObject({
      headers: ['name', 'born', 'city'], total_rows: 3, returned_rows: 3, truncated: false,
      data: [['Lovelace, Ada', '1815', 'London'], ['Turing', '1912', ''], ['Hopper', '1906', 'New York']],
    });
    expect(await resultOf({ file_id: csvId, format: 'raw', max_rows: 1 })).toMatchObject({
      total_lines: 4, truncated: true, data: 'name,born,city\n"Lovelace, Ada",1815,London',
    });
  });

  it('reads the first sheet of an Excel workbook in each format', async () => {
    const fileId = await testbed.upload('stock.xlsx', await buildXlsx({ Stock: [['sku', 'count'], ['A-1', 4], ['B-2', 0]] }));
    expect((await resultOf({ file_id: fileId })).data).toEqual([{ sku: 'A-1', count: '4' }, { sku: 'B-2', count: '0' }]);
    expect((await resultOf({ file_id: fileId, format: 'csv_rows' })).data).toEqual([['A-1', '4'], ['B-2', '0']]);
    expect((await resultOf({ file_id: fileId, format: 'raw' })).data).toBe('sku,count\nA-1,4\nB-2,0');
  });

  it('parses JSON, turns an array of objects into rows, and keeps its raw text', async () => {
    const fileId = await testbed.upload('orders.json', JSON.stringify([{ id: 1, total: 9.5 }, { id: 2, note: 'gift' }, { id: 3 }]), 'application/json');
    expect(await resultOf({ file_id: fileId, max_rows: 2 })).toMatchObject({ total_rows: 3, returned_rows: 2, truncated: true, data: [{ id: 1, total: 9.5 }, { id: 2, note: 'gift' }] });
    expect(await resultOf({ file_id: fileId, format: 'csv_rows' })).toMatchObject({
      headers: ['id', 'total', 'note'], data: [['1', '9.5', ''], ['2', '', 'gift'], ['3', '', '']],
    });
    const objectId = await testbed.upload('config.json', '{"theme":"dark","size":3}');
    expect(await resultOf({ file_id: objectId })).toMatchObject({ truncated: false, data: { theme: 'dark', size: 3 } });
    const notATable = await run({ file_id: objectId, format: 'csv_rows' }).catch((error: unknown) => error as AppError);
    expect(notATable).toMatchObject({ code: 'validation_failed', message: 'config.json is not a JSON array of objects or arrays; read it with format "json" or "raw"' });
    expect(await resultOf({ file_id: objectId, format: 'raw' })).toMatchObject({ data: '{"theme":"dark","size":3}' });
  });

  it('reads text as lines, and as a table when asked', async () => {
    const fileId = await testbed.upload('log.txt', 'a|b\n1|2\n3|4\n');
    expect(await resultOf({ file_id: fileId, max_rows: 2 })).toMatchObject({ total_rows: 3, returned_rows: 2, data: ['a|b', '1|2'] });
    expect(await resultOf({ file_id: fileId, format: 'raw' })).toMatchObject({ total_lines: 3, truncated: false, data: 'a|b\n1|2\n3|4' });
    expect(await resultOf({ file_id: fileId, format: 'csv_rows' })).toMatchObject({ headers: ['a', 'b'], data: [['1', '2'], ['3', '4']] });
  });

  it('cuts what it returns to fit the model’s context', async () => {
    const wide = `text\n${Array.from({ length: 2000 }, () => 'x'.repeat(200)).join('\n')}\n`;
    const fileId = await testbed.upload('wide.csv', wide);
    const result = await resultOf({ file_id: fileId, max_rows: 2000 });
    expect(result).toMatchObject({ total_rows: 2000, truncated: true });
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(100_000);
    expect((result.data as unknown[]).length).toBeGreaterThan(200);
  });

  it('sends documents to read_document and refuses other users’ files', async () => {
    const pdf = await testbed.upload('paper.pdf', await buildPdf(['x']));
    const wrongType = await run({ file_id: pdf }).catch((error: unknown) => error as AppError);
    expect(wrongType).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('Use read_document') });
    const stranger = await readDataFileTool.execute(readDataFileTool.inputSchema.parse({ file_id: csvId }), { ...testbed.context, userId: 'another-user' })
      .catch((error: unknown) => error as AppError);
    expect(stranger).toMatchObject({ code: 'not_found' });
    expect(readDataFileTool.inputSchema.safeParse({ file_id: csvId, format: 'xml' }).success).toBe(false);
  });
});
