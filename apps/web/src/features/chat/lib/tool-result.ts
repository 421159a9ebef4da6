/** A file a tool made, offered as a download button. */
export interface DownloadLink {
  url: string;
  /** The file's name when the result gives one, else the last part of the path. */
  filename: string;
}

/** Deepest nesting of a result that is searched for links (results are small JSON; this bounds odd ones). */
const maxDepth = 6;

/**
 * Only links to our own generated files (`/api/files/<id>?code=…`) or absolute http(s) addresses are offered; a
 * tool (an MCP server, say) could otherwise hand the page a `javascript:` URL.
 */
export function safeDownloadUrl(value: unknown, apiBaseUrl: string): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('/api/files/')) return `${apiBaseUrl}${value}`;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function filenameOf(url: string): string {
  const path = url.split('?')[0] ?? url;
  return decodeURIComponent(path.split('/').pop() ?? '') || 'file';
}

/** The `download_url`s anywhere in a tool result, with the `filename` beside each, without duplicates. */
export function findDownloadLinks(result: unknown, apiBaseUrl = ''): DownloadLink[] {
  const links = new Map<string, DownloadLink>();
  const visit = (value: unknown, depth: number) => {
    if (depth > maxDepth || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const url = safeDownloadUrl(record.download_url, apiBaseUrl);
    if (url && !links.has(url)) {
      const filename = typeof record.filename === 'string' && record.filename.trim() ? record.filename.trim() : filenameOf(url);
      links.set(url, { url, filename });
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'download_url') visit(child, depth + 1);
  };
  visit(result, 0);
  return [...links.values()];
}

/** The sentence of a failed tool call (`{ error }`), ending with a full stop. */
export function toolErrorOf(result: unknown): string {
  const error = result !== null && typeof result === 'object' ? (result as { error?: unknown }).error : result;
  const text = typeof error === 'string' && error.trim() ? error.trim() : 'The tool failed without saying why.';
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** A value as indented JSON (strings as they are), for the card's arguments and result. */
export function formatToolValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Characters of a result shown before "Show all". */
export const collapsedResultCharacters = 2_000;

/** The first part of a long text, and whether some was left out. */
export function truncateText(text: string, maxCharacters = collapsedResultCharacters): { text: string; isTruncated: boolean } {
  if (text.length <= maxCharacters) return { text, isTruncated: false };
  return { text: `${text.slice(0, maxCharacters)}…`, isTruncated: true };
}

const plotMimeTypes: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
};

/** A data URL to show a plot with; null for a format a browser can't show as an image. */
export function plotDataUrl(plot: { format: string; data: string }): string | null {
  const mimeType = plotMimeTypes[plot.format.toLowerCase()];
  return mimeType ? `data:${mimeType};base64,${plot.data}` : null;
}
