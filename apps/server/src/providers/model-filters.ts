import type { ModelFilter } from '@claraverse/shared';

/** A case-insensitive, anchored RegExp for a glob where `*` matches any run of characters. */
export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * Whether a model is visible under a provider's filters. No filters: every model is visible. Otherwise every
 * model starts hidden and the filters apply in ascending priority, so the highest priority has the last word
 * (between equal priorities, the later filter in the list wins). `include` shows, `exclude` hides.
 */
export function isVisibleUnderFilters(modelName: string, filters: readonly ModelFilter[]): boolean {
  if (filters.length === 0) return true;
  const ordered = filters.map((filter, index) => ({ filter, index })).sort((left, right) => left.filter.priority - right.filter.priority || left.index - right.index);
  let isVisible = false;
  for (const { filter } of ordered) {
    if (globToRegExp(filter.pattern).test(modelName)) isVisible = filter.action === 'include';
  }
  return isVisible;
}
