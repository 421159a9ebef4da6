/** Longest tool name the LLM APIs accept (OpenAI and Anthropic: `^[a-zA-Z0-9_-]{1,64}$`). */
const maxToolNameLength = 64;
const maxSlugLength = 32;

/**
 * The registry prefix of a server's tools: its name in lower case, runs of other characters as `-`
 * (`"My Files"` → `my-files`). Never contains `__`, so `<slug>__<tool>` splits unambiguously.
 */
export function slugOf(serverName: string): string {
  const slug = serverName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '');
  return slug || 'server';
}

/**
 * The name the model calls: `<slug>__<tool>`, with characters the LLM APIs refuse replaced by `_`, cut to 64
 * characters. The caller keeps the original tool name to call the server.
 */
export function registryToolName(slug: string, toolName: string): string {
  return `${slug}__${toolName.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, maxToolNameLength);
}
