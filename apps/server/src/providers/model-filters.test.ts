import { describe, expect, it } from 'vitest';
import { globToRegExp, isVisibleUnderFilters } from './model-filters.js';

describe('isVisibleUnderFilters', () => {
  it('shows every model when there are no filters', () => {
    expect(isVisibleUnderFilters('anything', [])).toBe(true);
  });

  it('hides everything a filter does not include', () => {
    const filters = [{ pattern: 'gpt-4o*', action: 'include' as const, priority: 0 }];
    expect(isVisibleUnderFilters('gpt-4o-mini', filters)).toBe(true);
    expect(isVisibleUnderFilters('gpt-3.5-turbo', filters)).toBe(false);
  });

  it('lets the highest priority win, whatever the order of the list', () => {
    const filters = [
      { pattern: '*-preview', action: 'exclude' as const, priority: 10 },
      { pattern: 'gpt-*', action: 'include' as const, priority: 1 },
    ];
    expect(isVisibleUnderFilters('gpt-4.1', filters)).toBe(true);
    expect(isVisibleUnderFilters('gpt-4.1-preview', filters)).toBe(false);
    const reversed = [{ ...filters[1]!, priority: 20 }, filters[0]!];
    expect(isVisibleUnderFilters('gpt-4.1-preview', reversed)).toBe(true);
  });

  it('treats regex characters in patterns literally and matches case-insensitively', () => {
    expect(globToRegExp('llama3.2:*').test('LLAMA3.2:3b')).toBe(true);
    expect(globToRegExp('llama3.2:*').test('llama3x2:3b')).toBe(false);
    expect(globToRegExp('a(b)+').test('a(b)+')).toBe(true);
  });
});
