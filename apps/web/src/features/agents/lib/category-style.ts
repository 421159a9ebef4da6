import type { BlockCategory } from './block-catalog';

/** The icon tile colours of each block family, light and dark (Tailwind tokens, as the rest of the app). */
export const categoryTileClasses: Record<BlockCategory, string> = {
  input: 'bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-900',
  ai: 'bg-violet-50 text-violet-700 ring-violet-200 dark:bg-violet-950 dark:text-violet-300 dark:ring-violet-900',
  logic: 'bg-amber-50 text-amber-700 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-900',
  data: 'bg-sky-50 text-sky-700 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-900',
  integration: 'bg-blue-50 text-blue-700 ring-blue-200 dark:bg-blue-950 dark:text-blue-300 dark:ring-blue-900',
  output: 'bg-rose-50 text-rose-700 ring-rose-200 dark:bg-rose-950 dark:text-rose-300 dark:ring-rose-900',
};

/** The minimap colour of each family (a hex value: the minimap draws SVG rects). */
export const categoryMinimapColors: Record<BlockCategory, string> = {
  input: '#10b981',
  ai: '#8b5cf6',
  logic: '#f59e0b',
  data: '#0ea5e9',
  integration: '#3b82f6',
  output: '#f43f5e',
};
