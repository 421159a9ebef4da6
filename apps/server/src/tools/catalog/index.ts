import type { AnyToolDefinition } from '../define-tool.js';

/**
 * Every built-in tool, one line each (CONVENTIONS §2.10). `tool-catalog.test.ts` fails when a `*.tool.ts` file
 * is missing here, a name repeats, or a tool has no test beside it.
 */
export const toolCatalog: readonly AnyToolDefinition[] = [
];
