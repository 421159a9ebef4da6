import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.js';

function parseInPieces(pieces: string[], end = true): string[] {
  const events: string[] = [];
  const parser = createSseParser({ onData: (data) => events.push(data) });
  for (const piece of pieces) parser.push(piece);
  if (end) parser.end();
  return events;
}

const stream = 'data: {"a":1}\n\n: keep-alive comment\n\nevent: message\ndata: {"b":2}\nid: 7\n\ndata:x\ndata: y\n\ndata: [DONE]\n\n';
const expected = ['{"a":1}', '{"b":2}', 'x\ny', '[DONE]'];

describe('createSseParser', () => {
  it('reads data events, joins multi-line data and ignores comments and other fields', () => {
    expect(parseInPieces([stream])).toEqual(expected);
  });

  it('gives the same events however the stream is split (every split point, and one character at a time)', () => {
    for (let split = 0; split <= stream.length; split += 1) {
      expect(parseInPieces([stream.slice(0, split), stream.slice(split)])).toEqual(expected);
    }
    expect(parseInPieces([...stream])).toEqual(expected);
  });

  it('accepts CRLF and CR line endings, also when a CRLF is split across pushes', () => {
    const crlf = stream.replaceAll('\n', '\r\n');
    for (let split = 0; split <= crlf.length; split += 1) {
      expect(parseInPieces([crlf.slice(0, split), crlf.slice(split)])).toEqual(expected);
    }
    expect(parseInPieces([stream.replaceAll('\n', '\r')])).toEqual(expected);
  });

  it('dispatches a last event without its blank line only at the end, and ignores look-alike fields', () => {
    expect(parseInPieces(['datax: no\n\ndata: last'], false)).toEqual([]);
    expect(parseInPieces(['datax: no\n\ndata: last'])).toEqual(['last']);
    expect(parseInPieces(['data\n\n'])).toEqual(['']);
  });
});
