import type { ToolContext } from './define-tool.js';
import type { PromptUser } from './tool-ports.js';

/** The app-wide ports every tool call shares; a call adds its user, stop signal and (in chat) a person to ask. */
export type ToolPorts = Pick<ToolContext, 'logger' | 'now' | 'http' | 'sandbox' | 'files' | 'documents' | 'media' | 'searxngUrls'>;

export function createToolContextFactory(ports: ToolPorts) {
  return (call: { userId: string; signal: AbortSignal; promptUser?: PromptUser }): ToolContext => ({
    ...ports,
    logger: ports.logger.child({ userId: call.userId }),
    userId: call.userId,
    signal: call.signal,
    ...(call.promptUser ? { promptUser: call.promptUser } : {}),
  });
}
