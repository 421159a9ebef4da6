import { describe, expect, it } from 'vitest';
import { checkJsonSchema, extractJson } from './json-schema.js';

describe('checkJsonSchema', () => {
  const schema = {
    type: 'object',
    properties: { tags: { type: 'array', items: { type: 'string' } }, level: { enum: ['low', 'high'] }, count: { type: 'integer' } },
    required: ['tags'],
    additionalProperties: false,
  };

  it('accepts a matching value', () => {
    expect(checkJsonSchema({ tags: ['a'], level: 'low', count: 2 }, schema)).toEqual([]);
  });

  it('lists every problem with its path', () => {
    expect(checkJsonSchema({ tags: ['a', 1], level: 'mid', count: 1.5, extra: true }, schema)).toEqual([
      '$.tags[1]: expected string, got integer',
      '$.level: must be one of ["low","high"]',
      '$.count: expected integer, got number',
      '$.extra: is not allowed',
    ]);
    expect(checkJsonSchema({}, schema)).toEqual(['$.tags: is required']);
  });
});

describe('extractJson', () => {
  it('finds JSON alone, fenced or embedded in prose', () => {
    expect(extractJson('{"a": 1}')).toEqual({ a: 1 });
    expect(extractJson('Here:\n```json\n[1, 2]\n```')).toEqual([1, 2]);
    expect(extractJson('The answer is {"a": {"b": 2}} as requested.')).toEqual({ a: { b: 2 } });
    expect(extractJson('no json')).toBeUndefined();
  });
});
