import type { CredentialTestResult, CredentialValues, IntegrationDefinition, IntegrationTestContext } from '../integrations/define-integration.js';
import { AppError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';

export interface CredentialTestPorts {
  /** The SSRF-guarded client (never a raw fetch). */
  http: IntegrationTestContext['http'];
  serviceUrl: IntegrationTestContext['serviceUrl'];
  /** Composio's actions port when the instance has it (the Gmail and Sheets tests go through it). */
  composio?: () => IntegrationTestContext['composio'];
  logger: Logger;
  /** How long a test may take, milliseconds. */
  timeoutMs: number;
}

export interface CredentialTestOutcome {
  success: boolean;
  message: string;
  details?: Record<string, unknown>;
}

/** Replaces any of the credential's values that appear in a message (a driver error quoting its URL). */
function withoutValues(message: string, values: CredentialValues): string {
  let cleaned = message;
  for (const value of Object.values(values)) if (value.length >= 4) cleaned = cleaned.split(value).join('••••');
  return cleaned;
}

function rejectWhenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

/**
 * Runs an integration's live test (`test(values, context)`) with the SSRF-guarded client, the base-URL map and a
 * time limit. Never throws for the service's answer: a refusal, a timeout or an unreachable host is
 * `success: false` with a sentence saying what is wrong (an AppError's own message, or the error's, with the
 * credential's values blanked out).
 */
export async function testCredential(integration: IntegrationDefinition, values: CredentialValues, ports: CredentialTestPorts): Promise<CredentialTestOutcome> {
  if (!integration.test) throw new AppError('validation_failed', `${integration.name} credentials cannot be tested live; they are used as they are.`);
  const signal = AbortSignal.timeout(ports.timeoutMs);
  const composio = ports.composio?.();
  const context: IntegrationTestContext = {
    http: ports.http, serviceUrl: ports.serviceUrl, signal, logger: ports.logger.child({ integration: integration.id }),
    ...(composio ? { composio } : {}),
  };
  try {
    // A test that ignores the signal (a database driver) still ends at the time limit.
    const result: CredentialTestResult = await Promise.race([integration.test(values, context), rejectWhenAborted(signal)]);
    return { success: true, message: result.message, ...(result.details ? { details: result.details } : {}) };
  } catch (error) {
    if (signal.aborted) {
      const limit = ports.timeoutMs >= 1000 ? `${Math.round(ports.timeoutMs / 1000)} s` : `${ports.timeoutMs} ms`;
      return { success: false, message: `${integration.name} did not answer within ${limit}.` };
    }
    if (error instanceof AppError) return { success: false, message: withoutValues(error.message, values) };
    const reason = error instanceof Error ? error.message : String(error);
    ports.logger.warn({ integration: integration.id, err: withoutValues(reason, values) }, 'credential test failed unexpectedly');
    return { success: false, message: `Could not check the ${integration.name} credential: ${withoutValues(reason, values)}` };
  }
}
