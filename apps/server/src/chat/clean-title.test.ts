import { describe, expect, it } from 'vitest';
import { cleanTitle } from './run-reply.js';

describe('cleanTitle', () => {
  it.each([
    ['"Planning a Trip to Japan"', 'Planning a Trip to Japan'],
    ['## Release checklist\n\nBefore shipping, check these:', 'Release checklist'],
    ['Title: **Rust ownership basics**.', 'Rust ownership basics'],
    ['- One two three four five six seven eight nine ten', 'One two three four five six seven eight'],
    ['\n\n  `Docker` networking  \n', 'Docker networking'],
  ])('turns %j into %j', (input, title) => expect(cleanTitle(input)).toBe(title));
});
