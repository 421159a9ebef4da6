import { describe, expect, it } from 'vitest';
import { McpToolError, toToolOutput } from './mcp-content.js';
import { registryToolName, slugOf } from './mcp-tool-names.js';

describe('toToolOutput', () => {
  it('joins text blocks for the model', () => {
    expect(toToolOutput({ content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] }, 's/t')).toEqual({ result: 'one\ntwo' });
  });

  it('turns images into plots for the browser and notes what it cannot show', () => {
    const output = toToolOutput({
      content: [
        { type: 'text', text: 'chart:' },
        { type: 'image', mimeType: 'image/png', data: 'iVBORw0' },
        { type: 'image', mimeType: 'image/tiff', data: 'AAAA' },
        { type: 'audio', mimeType: 'audio/wav', data: 'UklG' },
        { type: 'resource', resource: { uri: 'file:///a.txt', text: 'embedded text' } },
        { type: 'resource', resource: { uri: 'file:///b.bin', mimeType: 'application/octet-stream', blob: 'AA==' } },
        { type: 'resource_link', name: 'readme', uri: 'file:///readme.md' },
      ],
    }, 's/t');
    expect(output.plots).toEqual([{ format: 'png', data: 'iVBORw0' }]);
    expect(output.result).toEqual({
      text: 'chart:\n[image of type image/tiff not shown]\n[audio of type audio/wav not shown]\nembedded text\n[resource file:///b.bin (application/octet-stream)]\n[link: readme file:///readme.md]',
    });
  });

  it('uses structured content only when there is no text', () => {
    expect(toToolOutput({ content: [{ type: 'text', text: '{"a":1}' }], structuredContent: { a: 1 } }, 's/t')).toEqual({ result: '{"a":1}' });
    expect(toToolOutput({ content: [], structuredContent: { a: 1 } }, 's/t')).toEqual({ result: { a: 1 } });
  });

  it('throws the text of an isError result so the model can correct itself', () => {
    expect(() => toToolOutput({ isError: true, content: [{ type: 'text', text: 'bad path' }] }, 'files/read')).toThrow(McpToolError);
    expect(() => toToolOutput({ isError: true, content: [] }, 'files/read')).toThrow('files/read reported an error: no details given');
  });
});

describe('tool names', () => {
  it('slugs server names without double underscores and within 32 characters', () => {
    expect(slugOf('My Files')).toBe('my-files');
    expect(slugOf('Café__Tools!!')).toBe('cafe-tools');
    expect(slugOf('***')).toBe('server');
    expect(slugOf('x'.repeat(50))).toHaveLength(32);
  });

  it('builds names the LLM APIs accept', () => {
    expect(registryToolName('files', 'read_file')).toBe('files__read_file');
    expect(registryToolName('web', 'fetch.page v2')).toBe('web__fetch_page_v2');
    const long = registryToolName('s'.repeat(32), 't'.repeat(80));
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
