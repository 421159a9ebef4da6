import type { ChatAttachment, ChatImageHandle, ChatTurn } from '@claraverse/shared';
import type { LlmMessage, LlmUserContentPart } from '../providers/llm/llm-client.js';
import type { ToolPlot } from '../tools/define-tool.js';
import type { ToolFiles } from '../tools/tool-ports.js';

const imageMimeTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const plotMimeTypes: Record<ToolPlot['format'], string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', svg: 'image/svg+xml' };

function describeAttachment(attachment: ChatAttachment, why?: string): string {
  const note = why ? ` (${why})` : '';
  return `[Attached file: ${attachment.filename}, ${attachment.mimeType}, file_id "${attachment.fileId}"${note}. Read it with read_document, read_data_file or read_spreadsheet when you need its content.]`;
}

/**
 * The browser's turns as model messages. A user turn's image attachments go to a vision model as images;
 * anything else (and images for a model without vision, or whose upload expired) is named with its file id
 * so the model can open it with a file tool.
 */
export async function toLlmMessages(turns: ChatTurn[], options: { userId: string; files: ToolFiles | null; vision: boolean }): Promise<LlmMessage[]> {
  return Promise.all(
    turns.filter((turn) => turn.role !== 'system').map(async (turn): Promise<LlmMessage> => {
      if (turn.role === 'assistant') return { role: 'assistant', content: turn.content };
      const attachments = turn.attachments ?? [];
      if (attachments.length === 0) return { role: 'user', content: turn.content };
      const parts: LlmUserContentPart[] = [{ type: 'text', text: turn.content }];
      for (const attachment of attachments) {
        if (!imageMimeTypes.has(attachment.mimeType)) {
          parts.push({ type: 'text', text: describeAttachment(attachment) });
        } else if (!options.vision || !options.files) {
          parts.push({ type: 'text', text: describeAttachment(attachment, 'this model cannot see images') });
        } else {
          try {
            const upload = await options.files.readUpload(options.userId, attachment.fileId);
            parts.push({ type: 'image', data: upload.data, mimeType: upload.mimeType });
          } catch {
            parts.push({ type: 'text', text: `[Attached image ${attachment.filename} is no longer available.]` });
          }
        }
      }
      return { role: 'user', content: parts };
    }),
  );
}

export interface RegisteredImage {
  handle: string;
  fileId: string;
  mimeType: string;
}

/**
 * The images of one conversation by handle (`img-1`, `img-2`…): those the browser lists with `chat.send`,
 * plus those tools make during this reply (kept as uploads so later turns and tools can use them).
 */
export function createReplyImages(options: { userId: string; files: ToolFiles | null; known: ChatImageHandle[] }) {
  const byHandle = new Map(options.known.map((image) => [image.handle, image.fileId]));
  let next = Math.max(0, ...options.known.map((image) => Number(image.handle.slice(4)))) + 1;
  return {
    /** @throws when the handle is unknown or its upload has expired */
    async resolve(handle: string): Promise<{ data: Buffer; mimeType: string }> {
      const fileId = byHandle.get(handle);
      if (!fileId || !options.files) throw new Error(`There is no image "${handle}" in this conversation`);
      const upload = await options.files.readUpload(options.userId, fileId);
      return { data: upload.data, mimeType: upload.mimeType };
    },
    /** Keeps a tool's image and gives it the next handle; null when it can't be stored. */
    async register(plot: ToolPlot): Promise<RegisteredImage | null> {
      if (!options.files) return null;
      const handle = `img-${next}`;
      next += 1;
      const mimeType = plotMimeTypes[plot.format];
      const saved = await options.files.saveUpload(options.userId, { filename: `${handle}.${plot.format}`, mimeType, data: Buffer.from(plot.data, 'base64') });
      byHandle.set(handle, saved.fileId);
      return { handle, fileId: saved.fileId, mimeType: saved.mimeType };
    },
  };
}
export type ReplyImages = ReturnType<typeof createReplyImages>;
