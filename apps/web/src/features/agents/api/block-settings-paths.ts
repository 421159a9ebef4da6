/**
 * Paths and query keys of the block settings' pickers (models, tools, credentials). Keys start with the prefix
 * the owning feature invalidates (`tools`, `credentials`), so saving a credential elsewhere refreshes them too.
 */
export const blockSettingsQueryKeys = {
  tools: ['tools', 'all'] as const,
  usableToolNames: ['tools', 'available', 'names'] as const,
  recommendations: (text: string) => ['tools', 'recommend', text] as const,
  credentials: ['credentials', 'for-blocks'] as const,
};

export const modelsPath = '/api/models';
export const toolsPath = '/api/tools';
export const usableToolsPath = '/api/tools/available';
export const recommendToolsPath = '/api/tools/recommend';
export const credentialsPath = '/api/credentials';
/** The Credentials page, where a missing credential is added. */
export const credentialsPagePath = '/credentials';
