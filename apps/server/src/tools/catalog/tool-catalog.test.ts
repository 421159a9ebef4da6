import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { toolCategories } from '../define-tool.js';
import { toolCatalog } from './index.js';

const catalogDir = dirname(fileURLToPath(import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the tool catalog', () => {
  const files = filesUnder(catalogDir);
  const toolFiles = files.filter((file) => file.endsWith('.tool.ts'));

  it('registers every *.tool.ts file, each with a test beside it', async () => {
    const registered = new Set(toolCatalog);
    for (const file of toolFiles) {
      const module = (await import(file)) as Record<string, unknown>;
      const exported = Object.values(module).filter((value) => registered.has(value as never));
      expect(exported, `${relative(catalogDir, file)} exports a tool that is not in catalog/index.ts`).toHaveLength(1);
      expect(files, `${relative(catalogDir, file)} has no test`).toContain(file.replace(/\.tool\.ts$/, '.tool.test.ts'));
    }
    expect(toolCatalog).toHaveLength(toolFiles.length);
  });

  it('has unique snake_case names matching their kebab-case file names, and a JSON Schema object input', () => {
    const names = toolCatalog.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    const fileNames = toolFiles.map((file) => basename(file, '.tool.ts').replaceAll('-', '_'));
    for (const tool of toolCatalog) {
      expect(tool.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(fileNames).toContain(tool.name);
      expect(toolCategories).toContain(tool.category);
      expect(tool.description.length).toBeGreaterThan(20);
      expect(tool.icon).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      const schema = z.toJSONSchema(tool.inputSchema, { io: 'input' }) as { type?: string };
      expect(schema.type).toBe('object');
    }
  });
});
