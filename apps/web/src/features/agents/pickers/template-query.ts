/** An open `{{…` before the caret: where its braces start and what was typed after them. */
export interface TemplateQuery {
  start: number;
  query: string;
}

/** The `{{…` the caret is in (not yet closed, on one line), or undefined. */
export function templateQueryAt(text: string, caret: number): TemplateQuery | undefined {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('{{');
  if (start === -1) return undefined;
  const query = before.slice(start + 2);
  if (/[{}\n]/.test(query) || query.length > 200) return undefined;
  return { start, query };
}

/** The paths that fit what was typed: those starting with it first, then those containing it (case-insensitive). */
export function filterPaths(paths: readonly string[], query: string): string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...paths];
  const starts = paths.filter((path) => path.toLowerCase().startsWith(needle));
  const contains = paths.filter((path) => !path.toLowerCase().startsWith(needle) && path.toLowerCase().includes(needle));
  return [...starts, ...contains];
}

/** Replaces the open `{{…` (and closing braces right after the caret, if any) with `{{path}}`; the caret goes after it. */
export function insertPath(text: string, caret: number, query: TemplateQuery, path: string): { text: string; caret: number } {
  const after = text.slice(caret).replace(/^\s*\}\}/, '');
  const placeholder = `{{${path}}}`;
  return { text: text.slice(0, query.start) + placeholder + after, caret: query.start + placeholder.length };
}
