import { z } from 'zod';
import { defineTool } from '../../define-tool.js';
import { imageSourceFields, loadImage } from './image-source.js';

const detailInstructions = {
  brief: 'Answer briefly, in two or three sentences.',
  detailed: 'Answer in detail: the subjects, the setting, colours and layout, any text in the image (quoted exactly), and anything unusual.',
} as const;

export const describeImageTool = defineTool({
  name: 'describe_image',
  displayName: 'Describe Image',
  description:
    'Looks at an image with a vision-capable model and describes it or answers a question about it (objects, people, ' +
    'text in the image, charts, screenshots). Give exactly one of image_url (a public http(s) link), image_id (an image ' +
    'of this chat, e.g. "img-1") or file_id (an image the user uploaded). Returns the description and the model used.',
  icon: 'ScanEye',
  category: 'media',
  keywords: ['image', 'picture', 'photo', 'vision', 'describe', 'look', 'see', 'screenshot', 'ocr', 'read text', 'chart', 'caption'],
  inputSchema: z.object({
    ...imageSourceFields,
    question: z.string().trim().min(1).max(2_000).optional().describe('What to find out about the image; default: describe it'),
    detail: z.enum(['brief', 'detailed']).default('detailed').describe('brief: two or three sentences; detailed: everything visible'),
  }),
  // The vision call may stay silent for up to two minutes; the image download comes first.
  timeoutMs: 180_000,
  async execute(input, context) {
    const image = await loadImage(input, context);
    const question = `${input.question ?? 'Describe this image.'}\n\n${detailInstructions[input.detail]}`;
    const answer = await context.media.describeImage(context.userId, { data: image.data, mimeType: image.mimeType }, question, context.signal);
    return { result: { description: answer.text, model: answer.model, image: image.label, detail: input.detail } };
  },
});
