/**
 * `{{path}}` templates (reference §3.3): dot paths with `[n]` indexes over a scope object
 * (`input`, variables, finished blocks by normalizedId). Compiled once per workflow, rendered per run.
 *
 * Rules: a string that is exactly one placeholder is replaced by the raw value (its type kept); inside longer
 * text objects/arrays are JSON-encoded and numbers printed as JavaScript prints them (no trailing `.0`);
 * an unresolved placeholder is left verbatim.
 */

export type Scope = Record<string, unknown>;

/** A parsed path: property names and array indexes. */
export type PathSegment = string | number;

const placeholderPattern = /\{\{\s*([^{}]+?)\s*\}\}/g;
const UNRESOLVED = Symbol('unresolved');

/** Splits `a-b.c[0].d` into `['a-b', 'c', 0, 'd']`; returns undefined for a malformed path. */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null) return undefined;
    const [, name = '', indexes = ''] = match;
    if (name !== '') segments.push(name);
    else if (segments.length === 0 || indexes === '') return undefined;
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments.length === 0 ? undefined : segments;
}

/** Reads a parsed path from the scope; UNRESOLVED when any step is missing. */
function readPath(scope: Scope, segments: PathSegment[]): unknown {
  let current: unknown = scope;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return UNRESOLVED;
    if (typeof segment === 'number' && !Array.isArray(current)) return UNRESOLVED;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return UNRESOLVED;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current === undefined ? UNRESOLVED : current;
}

/** Reads a dot path (`a.b[0]`) from a scope; undefined when it does not resolve. */
export function resolvePath(scope: Scope, path: string): unknown {
  const segments = parsePath(path);
  if (segments === undefined) return undefined;
  const value = readPath(scope, segments);
  return value === UNRESOLVED ? undefined : value;
}

/** How a value is printed inside a longer string. */
export function stringifyForTemplate(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A compiled string: either whole-value (one placeholder) or text with placeholders. */
export type CompiledTemplate = (scope: Scope) => unknown;

interface Placeholder {
  raw: string;
  path: string;
  segments: PathSegment[] | undefined;
}

/** Placeholders in a string, in order (used by validation to find referenced blocks). */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of text.matchAll(placeholderPattern)) {
    const path = match[1] ?? '';
    found.push({ raw: match[0], path, segments: parsePath(path) });
  }
  return found;
}

/** Compiles a string into a renderer; returns undefined when it holds no placeholder (a constant). */
export function compileTemplate(text: string): CompiledTemplate | undefined {
  if (!text.includes('{{')) return undefined;
  const placeholders = findPlaceholders(text);
  if (placeholders.length === 0) return undefined;
  const first = placeholders[0];
  if (placeholders.length === 1 && first !== undefined && first.raw.length === text.trim().length) {
    const segments = first.segments;
    if (segments === undefined) return undefined;
    return (scope) => {
      const value = readPath(scope, segments);
      return value === UNRESOLVED ? text : value;
    };
  }
  // Text with placeholders: alternate literal pieces and paths.
  const literals: string[] = [];
  const paths: (PathSegment[] | undefined)[] = [];
  const raws: string[] = [];
  let cursor = 0;
  for (const match of text.matchAll(placeholderPattern)) {
    literals.push(text.slice(cursor, match.index));
    paths.push(parsePath(match[1] ?? ''));
    raws.push(match[0]);
    cursor = (match.index ?? 0) + match[0].length;
  }
  const tail = text.slice(cursor);
  return (scope) => {
    let result = '';
    for (let index = 0; index < paths.length; index += 1) {
      result += literals[index];
      const segments = paths[index];
      const value = segments === undefined ? UNRESOLVED : readPath(scope, segments);
      result += value === UNRESOLVED ? raws[index] : stringifyForTemplate(value);
    }
    return result + tail;
  };
}

/** Renders any string once, without caching (for values that are not part of a compiled workflow). */
export function renderTemplate(text: string, scope: Scope): unknown {
  const compiled = compileTemplate(text);
  return compiled === undefined ? text : compiled(scope);
}

/** A compiled config value: a function of the scope, or undefined when the value has no template. */
export type CompiledValue = (scope: Scope) => unknown;

/**
 * Compiles a nested value (objects, arrays, strings) once. Keys listed in `rawKeys` (JSONata expressions,
 * schemas) are kept verbatim. Returns undefined when nothing in the value is templated, so rendering a static
 * config costs nothing and returns the same object.
 */
export function compileValue(value: unknown, rawKeys: ReadonlySet<string> = new Set()): CompiledValue | undefined {
  if (typeof value === 'string') return compileTemplate(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => compileValue(item));
    if (items.every((item) => item === undefined)) return undefined;
    return (scope) => value.map((item, index) => (items[index] === undefined ? item : items[index]!(scope)));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const compiled = entries.map(([key, item]) => (rawKeys.has(key) ? undefined : compileValue(item)));
    if (compiled.every((item) => item === undefined)) return undefined;
    return (scope) => {
      const result: Record<string, unknown> = {};
      for (let index = 0; index < entries.length; index += 1) {
        const [key, item] = entries[index]!;
        const renderer = compiled[index];
        result[key] = renderer === undefined ? item : renderer(scope);
      }
      return result;
    };
  }
  return undefined;
}

/** Every placeholder path inside a nested value, skipping `rawKeys` (for validation). */
export function collectTemplatePaths(value: unknown, rawKeys: ReadonlySet<string>, into: Placeholder[] = []): Placeholder[] {
  if (typeof value === 'string') {
    if (value.includes('{{')) into.push(...findPlaceholders(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collectTemplatePaths(item, new Set(), into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (!rawKeys.has(key)) collectTemplatePaths(item, new Set(), into);
    }
  }
  return into;
}
