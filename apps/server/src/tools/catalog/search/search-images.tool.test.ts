import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundHttp } from '../../../platform/outbound-http/create-outbound-http.js';
import type { DoubleServer } from '../../../test/llm-doubles/double-server.js';
import { startSearxngDouble, type SearxngResult } from '../../../test/searxng-double.js';
import { createTestToolContext } from '../../test-support.js';
import { searchImagesTool } from './search-images.tool.js';

const http = createOutboundHttp({ allowlist: ['127.0.0.1/32'], timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024 });

let searxng: DoubleServer;
let down: DoubleServer;

const withoutImage: SearxngResult = { url: 'https://text.example/', title: 'no picture', engine: 'x', category: 'images' };

beforeAll(async () => {
  searxng = await startSearxngDouble({
    results: ({ q, categories }) => {
      if (categories !== 'images') return [];
      const images = Array.from({ length: 30 }, (_, index) => ({
        url: `https://photos.example/${index}`,
        title: `${q} ${index}`,
        engine: 'bing images',
        category: 'images',
        img_src: `https://cdn.photos.example/${index}.jpg`,
        ...(index === 1 ? {} : { thumbnail_src: `https://cdn.photos.example/${index}-thumb.jpg` }),
        resolution: '1024 x 768',
        source: 'photos.example',
      }));
      return [withoutImage, ...images];
    },
  });
  down = await startSearxngDouble({ failure: 'down' });
});

afterAll(async () => {
  await searxng.close();
  await down.close();
});

async function searchImages(args: Record<string, unknown>, searxngUrls = [searxng.origin]) {
  const context = createTestToolContext({ http, searxngUrls });
  return (await searchImagesTool.execute(searchImagesTool.inputSchema.parse(args), context)).result as { images: Array<Record<string, unknown>> };
}

describe('search_images', () => {
  it('asks SearXNG for the images category and returns count images with their URLs', async () => {
    const result = await searchImages({ query: 'red panda', count: 3 });
    expect(searxng.requests.at(-1)!.query).toEqual({ q: 'red panda', categories: 'images', pageno: '1', format: 'json', safesearch: '1' });
    expect(result.images).toEqual([
      {
        title: 'red panda 0',
        imageUrl: 'https://cdn.photos.example/0.jpg',
        thumbnailUrl: 'https://cdn.photos.example/0-thumb.jpg',
        pageUrl: 'https://photos.example/0',
        source: 'photos.example',
        resolution: '1024 x 768',
      },
      expect.objectContaining({ title: 'red panda 1', thumbnailUrl: 'https://cdn.photos.example/1.jpg' }),
      expect.objectContaining({ title: 'red panda 2' }),
    ]);
  });

  it('returns 10 images by default, skipping results without an image', async () => {
    const result = await searchImages({ query: 'otters' });
    expect(result.images).toHaveLength(10);
    expect(result.images.map((image) => image.title)).not.toContain('no picture');
  });

  it('fails over like search_web', async () => {
    expect((await searchImages({ query: 'owls', count: 1 }, [down.origin, searxng.origin])).images).toHaveLength(1);
  });

  it('refuses a count outside 1 to 50', () => {
    expect(searchImagesTool.inputSchema.safeParse({ query: 'x', count: 0 }).success).toBe(false);
    expect(searchImagesTool.inputSchema.safeParse({ query: 'x', count: 51 }).success).toBe(false);
  });
});
