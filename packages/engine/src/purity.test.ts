import { describe, expect, it } from 'vitest';

declare global {
  interface ImportMeta {
    glob(pattern: string | string[], options: { query: string; import: string; eager: true }): Record<string, string>;
  }
}

/** Every engine source file (tests and test support excluded), as text, gathered by Vite at transform time. */
const sources = import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./test-support/**'], { query: '?raw', import: 'default', eager: true });

describe('engine purity (CONVENTIONS §2.11)', () => {
  it('imports only its own files, zod and jsonata: no database, HTTP, server or Node module', () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(20);
    const foreign: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.') && specifier !== 'zod' && specifier !== 'jsonata') foreign.push(`${file}: ${specifier}`);
      }
      if (/\b(fetch|require|process|eval)\s*\(|new Function\b/.test(text)) foreign.push(`${file}: uses a forbidden global`);
    }
    expect(foreign).toEqual([]);
  });
});
