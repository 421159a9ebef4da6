import { z } from 'zod';
import { defineTool } from '../../define-tool.js';
import { querySearxng } from './query-searxng.js';

export const searchImagesTool = defineTool({
  name: 'search_images',
  displayName: 'Search Images',
  description:
    'Searches the web for images (SearXNG image search, safe search on) and returns up to `count` images with their ' +
    'title, image URL, thumbnail URL, the page they are on, source and resolution. Use it when the user wants pictures, ' +
    'photos, diagrams or logos of something.',
  icon: 'Images',
  category: 'search',
  keywords: ['image', 'images', 'picture', 'photo', 'search', 'find', 'logo', 'diagram', 'wallpaper'],
  inputSchema: z.object({
    query: z.string().trim().min(1, 'Give something to search for').max(400).describe('What the images should show'),
    count: z.number().int().min(1).max(50).default(10).describe('How many images to return, 1 to 50 (default 10)'),
  }),
  async execute({ query, count }, context) {
    const answer = await querySearxng(context, { q: query, categories: 'images', pageno: '1' });
    const images = answer.results
      .filter((result) => Boolean(result.img_src))
      .slice(0, count)
      .map((result) => ({
        title: result.title,
        imageUrl: result.img_src!,
        thumbnailUrl: result.thumbnail_src ?? result.img_src!,
        pageUrl: result.url,
        ...(result.source ? { source: result.source } : {}),
        ...(result.resolution ? { resolution: result.resolution } : {}),
      }));
    return {
      result: {
        query,
        images,
        ...(images.length === 0 ? { note: 'No images found. Try other words.' } : {}),
      },
    };
  },
});
