import type { Logger } from '../platform/logging/logger.js';
import type { ToolContext } from './define-tool.js';
import type { DocumentRenderer, MediaModels, OutboundHttp, PromptUser, Sandbox, ToolFiles } from './tool-ports.js';

/** The app-wide ports every tool call shares; a call adds its user, stop signal and (in chat) a person to ask. */
export interface ToolPorts {
  logger: Logger;
  now: () => Date;
  http: OutboundHttp;
  sandbox: Sandbox;
  files: ToolFiles;
  documents: DocumentRenderer;
  media: MediaModels;
  searxngUrls: readonly string[];
}

export function createToolContextFactory(ports: ToolPorts) {
  return (call: { userId: string; signal: AbortSignal; promptUser?: PromptUser }): ToolContext => ({
    ...ports,
    logger: ports.logger.child({ userId: call.userId }),
    userId: call.userId,
    signal: call.signal,
    ...(call.promptUser ? { promptUser: call.promptUser } : {}),
  });
}
