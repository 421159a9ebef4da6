import { ValidationError } from '../../../platform/errors/app-error.js';

/** The named sizes of generate_image and edit_image (the reference's presets), width × height in pixels. */
export const imageSizePresets = {
  square: [1024, 1024],
  square_hd: [1536, 1536],
  square_small: [512, 512],
  landscape: [1344, 768],
  landscape_wide: [1536, 640],
  banner: [1792, 512],
  youtube_thumb: [1280, 720],
  twitter_header: [1500, 500],
  facebook_cover: [1640, 624],
  portrait: [768, 1344],
  portrait_tall: [640, 1536],
  phone_wallpaper: [1080, 1920],
  instagram_story: [1080, 1920],
  pc_wallpaper: [1920, 1080],
  pc_wallpaper_2k: [2560, 1440],
  pc_wallpaper_4k: [3840, 2160],
  ultrawide: [1920, 800],
  poster: [1024, 1536],
  a4_portrait: [1240, 1754],
} as const satisfies Record<string, readonly [number, number]>;

/** Smallest and largest side of a custom size, pixels. */
export const imageSideRange = { min: 64, max: 4096 } as const;

/** For the tools' schema descriptions: every preset name. */
export const imageSizeHelp =
  `A preset (${Object.keys(imageSizePresets).join(', ')}) or a custom WIDTHxHEIGHT in pixels, each side ${imageSideRange.min}–${imageSideRange.max} (e.g. 800x600)`;

/**
 * A preset name or `WIDTHxHEIGHT` (also `×` or `*`, any case and spacing) as the `1024x1024` the image
 * endpoints take. @throws ValidationError naming the presets and the allowed range
 */
export function resolveImageSize(size: string): { width: number; height: number; size: string } {
  const key = size.trim().toLowerCase().replaceAll(/[\s-]+/g, '_');
  const preset = (imageSizePresets as Record<string, readonly [number, number]>)[key];
  const custom = /^(\d{1,5})\s*[x×*]\s*(\d{1,5})$/i.exec(size.trim());
  const [width, height] = preset ?? (custom ? [Number(custom[1]), Number(custom[2])] : [Number.NaN, Number.NaN]);
  const isInRange = (side: number) => side >= imageSideRange.min && side <= imageSideRange.max;
  if (!isInRange(width) || !isInRange(height)) {
    throw new ValidationError(`"${size.slice(0, 40)}" is not an image size I can use. Give ${imageSizeHelp}.`);
  }
  return { width, height, size: `${width}x${height}` };
}
