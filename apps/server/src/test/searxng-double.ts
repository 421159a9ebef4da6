import { startDoubleServer, type DoubleServer } from './llm-doubles/double-server.js';

/** One result as SearXNG's JSON API returns it (the fields the tools read, plus some they ignore). */
export interface SearxngResult {
  url: string;
  title: string;
  content?: string;
  engine: string;
  engines?: string[];
  score?: number;
  category: string;
  publishedDate?: string | null;
  img_src?: string;
  thumbnail_src?: string;
  resolution?: string;
  img_format?: string;
  source?: string;
  template?: string;
}

export interface SearxngDoubleOptions {
  /** Results for one query; by default 15 made-up results of the requested category. */
  results?: (query: { q: string; categories: string }) => SearxngResult[];
  /**
   * `down` answers 502 (a broken instance); `json-disabled` answers 403 to `format=json` as SearXNG does when
   * `json` is missing from `search.formats`; `garbage` answers 200 with HTML.
   */
  failure?: 'down' | 'json-disabled' | 'garbage';
}

function defaultResults({ q, categories }: { q: string; categories: string }): SearxngResult[] {
  return Array.from({ length: 15 }, (_, index) =>
    categories === 'images'
      ? {
          url: `https://photos.example/${index}`,
          title: `${q} photo ${index}`,
          content: '',
          engine: 'bing images',
          engines: ['bing images'],
          category: 'images',
          template: 'images.html',
          img_src: `https://cdn.photos.example/${index}.jpg`,
          thumbnail_src: `https://cdn.photos.example/${index}-thumb.jpg`,
          resolution: '1024 x 768',
          img_format: 'jpeg',
          source: 'photos.example',
        }
      : {
          url: `https://site${index}.example/${encodeURIComponent(q)}`,
          title: `${q}, result ${index}`,
          content: `About ${q} (${index}).`,
          engine: 'duckduckgo',
          engines: ['duckduckgo', 'brave'],
          score: 15 - index,
          category: 'general',
          publishedDate: index === 0 ? '2026-01-02T03:04:05' : null,
          template: 'default.html',
        },
  );
}

/**
 * A local stand-in for a SearXNG instance's JSON API (`GET /search?q=…&format=json`), with its error
 * behaviour. Query strings it cannot answer (no `q`, a bad `safesearch` or `pageno`) get 400 as SearXNG gives;
 * tests read `requests` to check what the tool sent.
 */
export async function startSearxngDouble(options: SearxngDoubleOptions = {}): Promise<DoubleServer> {
  const makeResults = options.results ?? defaultResults;
  return startDoubleServer(async ({ response, recorded }) => {
    const { q, format, safesearch, pageno, categories = 'general' } = recorded.query;
    if (recorded.path !== '/search') {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not Found');
      return;
    }
    if (options.failure === 'down') {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>502 Bad Gateway</h1>');
      return;
    }
    if (options.failure === 'garbage') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>captcha</body></html>');
      return;
    }
    if (format === 'json' && options.failure === 'json-disabled') {
      response.writeHead(403, { 'content-type': 'text/html' });
      response.end('<h1>403 Forbidden</h1>');
      return;
    }
    const isValid = Boolean(q?.trim()) && (safesearch === undefined || /^[012]$/.test(safesearch)) && (pageno === undefined || /^[1-9]\d*$/.test(pageno));
    if (!isValid || format !== 'json') {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('Bad Request');
      return;
    }
    const results = makeResults({ q: q!, categories });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        query: q,
        number_of_results: results.length,
        results,
        answers: categories === 'general' ? [`An instant answer about ${q}`] : [],
        corrections: [],
        infoboxes: [],
        suggestions: [`${q} tutorial`],
        unresponsive_engines: [['google', 'timeout']],
      }),
    );
  });
}
