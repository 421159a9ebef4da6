import { describe, expect, it } from 'vitest';
import { extractJson } from './extract-json.js';

describe('extractJson', () => {
  it('parses plain JSON', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('  [1, 2]\n')).toEqual([1, 2]);
  });

  it('takes the JSON out of a markdown fence with prose around it', () => {
    const text = 'Here is your workflow:\n\n```json\n{"workflow": {"blocks": []}, "explanation": "x"}\n```\nLet me know!';
    expect(extractJson(text)).toEqual({ workflow: { blocks: [] }, explanation: 'x' });
  });

  it('finds a balanced object in prose, ignoring braces inside strings', () => {
    const text = 'Sure! {"value": "a } tricky { string", "n": [1, {"b": 2}]} — done. {"second": true}';
    expect(extractJson(text)).toEqual({ value: 'a } tricky { string', n: [1, { b: 2 }] });
  });

  it('skips a broken span and finds the next valid one', () => {
    expect(extractJson('{not json} then {"ok": true}')).toEqual({ ok: true });
  });

  it('answers undefined when there is no JSON', () => {
    expect(extractJson('I cannot help with that.')).toBeUndefined();
    expect(extractJson('{"unterminated": ')).toBeUndefined();
    expect(extractJson('"just a string"')).toBeUndefined();
  });
});
