import { z } from 'zod';
import { defineTool } from '../../define-tool.js';
import { imageSizeHelp, resolveImageSize } from './image-sizes.js';
import { imageSourceFields, loadImage } from './image-source.js';
import { imagesToPlots } from './media-plots.js';

export const editImageTool = defineTool({
  name: 'edit_image',
  displayName: 'Edit Image',
  description:
    'Changes an existing image as a prompt says (add or remove things, change the style, background or colours) with the ' +
    'image-editing model an administrator set up, and shows the result to the user in the chat. Give the image as ' +
    'image_id (an image of this chat, e.g. "img-1") or file_id (an image the user uploaded); size is optional. Returns ' +
    'the model used; the edited image itself is only shown to the user.',
  icon: 'Wand',
  category: 'media',
  keywords: ['image', 'picture', 'photo', 'edit', 'modify', 'change', 'retouch', 'inpaint', 'background', 'style', 'remove'],
  inputSchema: z.object({
    prompt: z.string().trim().min(1).max(4_000).describe('What to change, in detail'),
    image_id: imageSourceFields.image_id,
    file_id: imageSourceFields.file_id,
    size: z.string().trim().min(1).max(40).optional().describe(`Size of the result: ${imageSizeHelp}`),
  }),
  timeoutMs: 310_000,
  async execute(input, context) {
    const size = input.size === undefined ? undefined : resolveImageSize(input.size).size;
    const source = await loadImage(input, context, ['image_id', 'file_id']);
    const edited = await context.media.editImage(
      context.userId,
      { prompt: input.prompt, image: { data: source.data, mimeType: source.mimeType }, ...(size === undefined ? {} : { size }) },
      context.signal,
    );
    const plots = imagesToPlots(edited.images);
    return {
      result: { model: edited.model, source: source.label, ...(size === undefined ? {} : { size }), message: `Edited ${source.label} with ${edited.model}; the user sees the result in the chat.` },
      plots,
    };
  },
});
