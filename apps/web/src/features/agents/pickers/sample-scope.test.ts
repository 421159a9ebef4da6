import { describe, expect, it } from 'vitest';
import { sampleScope } from './sample-scope';

describe('sampleScope', () => {
  it('builds a nested sample from the available paths', () => {
    expect(sampleScope(['input', 'topic', 'item', 'index', 'fetch.status', 'fetch.body', 'summary.response', 'shape'])).toEqual({
      input: 'Sample input',
      topic: 'Sample topic',
      item: {},
      index: 0,
      fetch: { status: 200, body: 'Sample fetch.body' },
      summary: { response: 'Sample summary.response' },
      shape: 'Sample shape',
    });
  });
});
