import { describe, expect, it } from 'vitest';
import { filterPaths, insertPath, templateQueryAt } from './template-query';

describe('template query', () => {
  it('finds the open {{ before the caret, and nothing once it is closed or on another line', () => {
    expect(templateQueryAt('Hello {{inp', 11)).toEqual({ start: 6, query: 'inp' });
    expect(templateQueryAt('{{a}} and {{', 12)).toEqual({ start: 10, query: '' });
    expect(templateQueryAt('{{input}} done', 14)).toBeUndefined();
    expect(templateQueryAt('{{in\nput', 9)).toBeUndefined();
    expect(templateQueryAt('no braces', 9)).toBeUndefined();
  });

  it('filters paths by prefix first, then by substring, ignoring case', () => {
    const paths = ['input', 'fetch.body', 'fetch.status', 'summary.response', 'Body-builder'];
    expect(filterPaths(paths, 'bo')).toEqual(['Body-builder', 'fetch.body']);
    expect(filterPaths(paths, ' ')).toEqual(paths);
    expect(filterPaths(paths, 'zzz')).toEqual([]);
  });

  it('inserts the path with its closing braces, replacing braces already typed after the caret', () => {
    expect(insertPath('Say {{in', 8, { start: 4, query: 'in' }, 'input')).toEqual({ text: 'Say {{input}}', caret: 13 });
    expect(insertPath('Say {{in}} now', 8, { start: 4, query: 'in' }, 'input')).toEqual({ text: 'Say {{input}} now', caret: 13 });
  });
});
