import type { ToolContext } from './define-tool.js';
import type { PromptUser } from './tool-ports.js';

/** The app-wide ports every tool call shares; a call adds its user, stop signal and (in chat) a person to ask. */
export type ToolPorts = Pick<ToolContext, 'logger' | 'now' | 'http' | 'sandbox' | 'files' | 'documents' | 'media' | 'searxngUrls' | 'serviceUrl' | 'composio'> & {
  /**
   * Gives a call its credential getter (the credentials domain's narrow resolver): only this user's credentials,
   * only of the integration asked for; `chosen` maps an integration to the credential id a workflow block picked.
   */
  credentialsFor?: (userId: string, chosen?: Readonly<Record<string, string>>) => NonNullable<ToolContext['getCredential']>;
};

export interface ToolCall {
  userId: string;
  signal: AbortSignal;
  promptUser?: PromptUser;
  /** Credential ids picked for this call by integration (a workflow block's settings); else the most recently used. */
  credentialIds?: Readonly<Record<string, string>>;
}

export function createToolContextFactory(ports: ToolPorts) {
  const { credentialsFor, ...shared } = ports;
  return (call: ToolCall): ToolContext => ({
    ...shared,
    logger: ports.logger.child({ userId: call.userId }),
    userId: call.userId,
    signal: call.signal,
    ...(call.promptUser ? { promptUser: call.promptUser } : {}),
    ...(credentialsFor ? { getCredential: credentialsFor(call.userId, call.credentialIds) } : {}),
  });
}
