/**
 * Redirects a service's documented base URL to another (a self-hosted instance, or a test's local double):
 * `{ "https://api.github.com": "http://127.0.0.1:4100" }` turns `https://api.github.com/repos/a/b` into
 * `http://127.0.0.1:4100/repos/a/b`. The longest matching prefix wins; unmatched URLs are returned as they are.
 * Configured by `INTEGRATION_BASE_URLS` (JSON); tool code always names the real URL.
 */
export function createServiceUrlMapper(map: Readonly<Record<string, string>>): (url: string) => string {
  const entries = Object.entries(map)
    .map(([from, to]) => [from.replace(/\/+$/, ''), to.replace(/\/+$/, '')] as const)
    .sort((left, right) => right[0].length - left[0].length);
  if (entries.length === 0) return (url) => url;
  return (url) => {
    for (const [from, to] of entries) {
      if (url === from || url.startsWith(`${from}/`) || url.startsWith(`${from}?`)) return to + url.slice(from.length);
    }
    return url;
  };
}
