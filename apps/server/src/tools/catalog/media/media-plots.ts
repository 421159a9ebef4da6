import { AppError } from '../../../platform/errors/app-error.js';
import type { ToolPlot } from '../../define-tool.js';

const plotFormats: Record<string, ToolPlot['format']> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

/**
 * Images a provider made, as the plots the chat shows (base64). The model gets only a summary: base64 would
 * fill its context and it cannot look at it anyway. @throws AppError for a type the chat cannot show
 */
export function imagesToPlots(images: ReadonlyArray<{ data: Buffer; mimeType: string }>): ToolPlot[] {
  return images.map((image) => {
    const format = plotFormats[image.mimeType];
    if (format === undefined) throw new AppError('upstream_unavailable', `The image provider sent a ${image.mimeType} image; only PNG, JPEG and WebP can be shown.`);
    return { format, data: image.data.toString('base64') };
  });
}
