import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { cellText, guessDelimiter, readDelimitedRows, readWorkbookRows } from './read-tables.js';
import { buildXlsx } from './test-support.js';

describe('readDelimitedRows', () => {
  it('keeps the first rows, counts all, and reads quoted fields', async () => {
    const csv = 'name,city,note\n"Lovelace, Ada",London,"said ""hi"""\nTuring,Wilmslow,\n\nHopper,New York,x\n\n';
    const result = await readDelimitedRows(Buffer.from(csv), ',', { maxRows: 3 });
    expect(result.rows).toEqual([['name', 'city', 'note'], ['Lovelace, Ada', 'London', 'said "hi"'], ['Turing', 'Wilmslow', '']]);
    expect(result.totalRows).toBe(4);
    expect(result.columnCount).toBe(3);
    const withEmpty = await readDelimitedRows(Buffer.from(csv), ',', { maxRows: 10, includeEmpty: true });
    expect(withEmpty.totalRows).toBe(5);
    expect(withEmpty.rows[3]).toEqual([]);
  });

  it('reads semicolons and TSV, drops a byte-order mark, and survives characters split across chunks', async () => {
    expect((await readDelimitedRows(Buffer.from('\uFEFFa;b\n1;2\n'), ';', { maxRows: 5 })).rows).toEqual([['a', 'b'], ['1', '2']]);
    expect((await readDelimitedRows(Buffer.from('a\tb\nx,y\tz\n'), '\t', { maxRows: 5 })).rows).toEqual([['a', 'b'], ['x,y', 'z']]);
    const bytes = Buffer.from('città,café\n日本,☕\n');
    const oneByteChunks = Readable.from(Array.from(bytes, (byte) => Buffer.from([byte])), { objectMode: false });
    expect((await readDelimitedRows(oneByteChunks, ',', { maxRows: 5 })).rows).toEqual([['città', 'café'], ['日本', '☕']]);
  });

  it('counts a large stream while keeping only the rows asked for', async () => {
    async function* lines() {
      yield 'id,value\n';
      for (let index = 0; index < 50_000; index += 1) yield `${index},${'x'.repeat(20)}\n`;
    }
    const result = await readDelimitedRows(Readable.from(lines()), ',', { maxRows: 2, maxCellLength: 5 });
    expect(result.totalRows).toBe(50_001);
    expect(result.rows).toEqual([['id', 'value'], ['0', 'xxxx…']]);
  });
});

describe('guessDelimiter', () => {
  it('picks the most frequent delimiter of the first line, ignoring quoted text', () => {
    expect(guessDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(guessDelimiter('"x;y;z",b\n')).toBe(',');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('a|b')).toBe('|');
    expect(guessDelimiter('single column')).toBe(',');
  });
});

describe('readWorkbookRows', () => {
  const sheets = {
    Sales: [['Region', 'Revenue', 'Day'], ['North', 1200.5, new Date(Date.UTC(2026, 0, 2))], [], ['South', { formula: 'B2*2', result: 2401 }, null]],
    Costs: [['Item', 'Cost'], ['Rent', 500]],
  };

  it('reads the first sheet by default with dates, formulas and sheet names', async () => {
    const result = await readWorkbookRows(await buildXlsx(sheets), undefined, { maxRows: 10 });
    expect(result.sheetNames).toEqual(['Sales', 'Costs']);
    expect(result.sheetName).toBe('Sales');
    expect(result.rows).toEqual([['Region', 'Revenue', 'Day'], ['North', '1200.5', '2026-01-02'], ['South', '2401']]);
    expect(result.totalRows).toBe(3);
    expect(result.columnCount).toBe(3);
  });

  it('reads a named sheet, keeps empty rows on request, and names the sheets when one is missing', async () => {
    const workbook = await buildXlsx(sheets);
    expect((await readWorkbookRows(workbook, 'Costs', { maxRows: 10 })).rows).toEqual([['Item', 'Cost'], ['Rent', '500']]);
    expect((await readWorkbookRows(workbook, 'Sales', { maxRows: 10, includeEmpty: true })).rows[2]).toEqual([]);
    const error = await readWorkbookRows(workbook, 'Budget', { maxRows: 10 }).catch((caught: unknown) => caught as AppError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No sheet named "Budget"; the sheets are: Sales, Costs' });
  });

  it('refuses bytes that are not a workbook', async () => {
    const error = await readWorkbookRows(Buffer.from('not a workbook'), undefined, { maxRows: 10 }).catch((caught: unknown) => caught as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
  });
});

describe('cellText', () => {
  it('shows rich text, links, errors and date-times as a person reads them', () => {
    expect(cellText({ richText: [{ text: 'bold' }, { text: ' plain' }] })).toBe('bold plain');
    expect(cellText({ text: 'site', hyperlink: 'https://example.test' })).toBe('site');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(new Date(Date.UTC(2026, 4, 1, 13, 30)))).toBe('2026-05-01T13:30:00.000Z');
    expect(cellText(true)).toBe('true');
  });
});
