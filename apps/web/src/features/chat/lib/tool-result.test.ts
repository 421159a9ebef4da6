import { describe, expect, it } from 'vitest';
import { findDownloadLinks, formatToolValue, plotDataUrl, safeDownloadUrl, toolErrorOf, truncateText } from './tool-result';

describe('tool results', () => {
  it('finds every download link of a result, with its file name, once', () => {
    const result = {
      message: 'Created',
      download_url: '/api/files/f1?code=abc',
      filename: 'report.pdf',
      files: [
        { name: 'out/chart.png', download_url: '/api/files/f2?code=def' },
        { filename: 'again.pdf', download_url: '/api/files/f1?code=abc' },
      ],
    };
    expect(findDownloadLinks(result, 'https://clara.example')).toEqual([
      { url: 'https://clara.example/api/files/f1?code=abc', filename: 'report.pdf' },
      { url: 'https://clara.example/api/files/f2?code=def', filename: 'f2' },
    ]);
    expect(findDownloadLinks('plain text')).toEqual([]);
  });

  it('offers only our file links and web addresses, never a script URL', () => {
    expect(safeDownloadUrl('javascript:alert(1)', '')).toBeNull();
    expect(safeDownloadUrl('data:text/html,hi', '')).toBeNull();
    expect(safeDownloadUrl('/elsewhere/file', '')).toBeNull();
    expect(safeDownloadUrl('https://files.example/a.csv', '')).toBe('https://files.example/a.csv');
    expect(findDownloadLinks({ download_url: 'javascript:alert(1)' })).toEqual([]);
  });

  it('turns a failure into a sentence', () => {
    expect(toolErrorOf({ error: 'Search Web did not finish within 30 s and was stopped' })).toBe('Search Web did not finish within 30 s and was stopped.');
    expect(toolErrorOf({ error: 'Stopped.' })).toBe('Stopped.');
    expect(toolErrorOf(null)).toBe('The tool failed without saying why.');
  });

  it('prints values as indented JSON and cuts long text', () => {
    expect(formatToolValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatToolValue('as is')).toBe('as is');
    expect(truncateText('x'.repeat(10), 4)).toEqual({ text: 'xxxx…', isTruncated: true });
    expect(truncateText('short', 10)).toEqual({ text: 'short', isTruncated: false });
  });

  it('shows plots of image formats only', () => {
    expect(plotDataUrl({ format: 'png', data: 'AAA=' })).toBe('data:image/png;base64,AAA=');
    expect(plotDataUrl({ format: 'SVG', data: 'PHN2Zy8+' })).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(plotDataUrl({ format: 'html', data: 'PGgxPg==' })).toBeNull();
  });
});
