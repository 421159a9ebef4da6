import { z } from 'zod';
import { defineTool } from '../../define-tool.js';
import { imageSizeHelp, resolveImageSize } from './image-sizes.js';
import { imagesToPlots } from './media-plots.js';

export const generateImageTool = defineTool({
  name: 'generate_image',
  displayName: 'Generate Image',
  description:
    'Creates an image from a text prompt with the image model an administrator set up, and shows it to the user in the ' +
    'chat. Write a detailed prompt (subject, style, composition, lighting, colours). Choose a size preset (square, ' +
    'landscape, portrait, banner, youtube_thumb, phone_wallpaper, pc_wallpaper, poster, …) or a custom WIDTHxHEIGHT. ' +
    'Returns the model and size used; the image itself is only shown to the user, so do not repeat it or link to it.',
  icon: 'ImagePlus',
  category: 'media',
  keywords: ['image', 'picture', 'generate', 'create', 'draw', 'illustration', 'art', 'photo', 'logo', 'wallpaper', 'dall-e', 'flux', 'stable diffusion'],
  inputSchema: z.object({
    prompt: z.string().trim().min(1).max(4_000).describe('What the image shows, in detail'),
    size: z.string().trim().min(1).max(40).default('square').describe(imageSizeHelp),
  }),
  // Image models can take minutes; MediaModels stops at 300 s with its own message, so allow a little more here.
  timeoutMs: 310_000,
  async execute({ prompt, size }, context) {
    const { width, height, size: pixels } = resolveImageSize(size);
    const generated = await context.media.generateImage(context.userId, { prompt, size: pixels, n: 1 }, context.signal);
    const plots = imagesToPlots(generated.images);
    const count = plots.length === 1 ? 'an image' : `${plots.length} images`;
    return {
      result: {
        model: generated.model,
        size: pixels,
        images: plots.length,
        message: `Generated ${count} of ${width}×${height} pixels with ${generated.model}; the user sees it in the chat.`,
      },
      plots,
    };
  },
});
