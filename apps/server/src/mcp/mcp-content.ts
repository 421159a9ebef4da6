import type { McpContentBlock } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import type { ToolOutput, ToolPlot } from '../tools/define-tool.js';

/** An MCP tool answered with `isError: true`; its text goes back to the model so it can correct itself. */
export class McpToolError extends AppError {
  constructor(message: string) {
    super('upstream_unavailable', message);
    this.name = 'McpToolError';
  }
}

/** What an MCP `tools/call` returns (the SDK's result, or a bridge's `bridge.tool-result`). */
export interface McpCallResult {
  content?: readonly McpContentBlock[] | readonly unknown[];
  structuredContent?: unknown;
  isError?: boolean;
}

const plotFormatByMimeType: Record<string, ToolPlot['format']> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

const stringField = (block: Record<string, unknown>, key: string): string | undefined =>
  typeof block[key] === 'string' ? block[key] : undefined;

/** One content block as text for the model, or an image for the browser. */
function readBlock(block: Record<string, unknown>): { text?: string; plot?: ToolPlot } {
  switch (block.type) {
    case 'text':
      return { text: stringField(block, 'text') ?? '' };
    case 'image': {
      const mimeType = stringField(block, 'mimeType') ?? '';
      const format = plotFormatByMimeType[mimeType.toLowerCase()];
      const data = stringField(block, 'data');
      if (format && data) return { plot: { format, data } };
      return { text: `[image of type ${mimeType || 'unknown'} not shown]` };
    }
    case 'audio':
      return { text: `[audio of type ${stringField(block, 'mimeType') ?? 'unknown'} not shown]` };
    case 'resource': {
      const resource = (block.resource ?? {}) as Record<string, unknown>;
      const text = stringField(resource, 'text');
      return { text: text ?? `[resource ${stringField(resource, 'uri') ?? ''} (${stringField(resource, 'mimeType') ?? 'binary'})]` };
    }
    case 'resource_link':
      return { text: `[link: ${stringField(block, 'name') ?? ''} ${stringField(block, 'uri') ?? ''}]`.trim() };
    default:
      return { text: `[${String(block.type)} content not shown]` };
  }
}

/**
 * Turns an MCP tool result into a ToolOutput: text blocks joined by newlines (what the model reads), images
 * as plots (only the browser sees them), structured content when there is no text.
 * @throws McpToolError when the tool reported an error (`isError`).
 */
export function toToolOutput(result: McpCallResult, describeTool: string): ToolOutput {
  const texts: string[] = [];
  const plots: ToolPlot[] = [];
  for (const block of result.content ?? []) {
    if (block === null || typeof block !== 'object') continue;
    const { text, plot } = readBlock(block as Record<string, unknown>);
    if (text !== undefined) texts.push(text);
    if (plot) plots.push(plot);
  }
  const text = texts.join('\n');
  if (result.isError) throw new McpToolError(`${describeTool} reported an error: ${text.slice(0, 2000) || 'no details given'}`);
  // Servers that return structured content also send it as text (MCP spec), so the text is enough unless
  // there is none. With images the result is an object, so the chat can note them beside it.
  const structured = result.structuredContent;
  const value = text === '' && structured !== undefined && structured !== null ? structured : text;
  if (plots.length === 0) return { result: value };
  return { result: typeof value === 'string' ? { text: value } : value, plots };
}
