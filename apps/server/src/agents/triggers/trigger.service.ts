import type { ExecutionRecord, TriggerAccepted } from '@claraverse/shared';
import { UnauthenticatedError } from '../../platform/errors/app-error.js';
import type { AgentRunsService } from '../runs/agent-runs.service.js';
import type { ExecutionsService } from '../runs/executions.service.js';

/** The API-key check the trigger needs (the api-keys service's `authenticate`). */
export type AuthenticateApiKey = (presented: string, scopes: readonly string[]) => Promise<{ userId: string; keyId: string }>;

export type TriggerOutcome = { kind: 'accepted'; body: TriggerAccepted } | { kind: 'finished'; body: ExecutionRecord };

/**
 * External triggers (reference §1.9): `POST /api/trigger/:agentId` with a personal API key that has `execute:*`
 * or `execute:<agentId>` starts a run (`api`); with `wait` it answers with the record once the run ends, up to
 * `waitTimeoutMs`. `GET /api/trigger/status/:id` needs `read:executions`.
 */
export function createTriggerService(deps: { authenticate: AuthenticateApiKey; runs: AgentRunsService; executions: ExecutionsService; waitTimeoutMs: number }) {
  const caller = (presented: string | null, scopes: readonly string[]) => {
    if (!presented) throw new UnauthenticatedError('Send a personal API key as "X-API-Key: clv_…" or "Authorization: Bearer clv_…"');
    return deps.authenticate(presented, scopes);
  };
  return {
    /** @throws UnauthenticatedError, ForbiddenError (scope), NotFoundError (not the key owner's agent), validation_failed */
    async trigger(presented: string | null, agentId: string, input: unknown, wait: boolean): Promise<TriggerOutcome> {
      const key = await caller(presented, ['execute:*', `execute:${agentId}`]);
      const run = await deps.runs.start(key.userId, agentId, input, { trigger: 'api', apiKeyId: key.keyId, recordStartFirst: !wait });
      const accepted: TriggerOutcome = { kind: 'accepted', body: { executionId: run.executionId, status: 'running', message: `Poll GET /api/trigger/status/${run.executionId}` } };
      if (!wait) return accepted;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deps.waitTimeoutMs)));
      const ended = await Promise.race([run.done, timeout]);
      clearTimeout(timer);
      return ended ? { kind: 'finished', body: ended } : accepted;
    },

    /** The execution record, for the key's owner. @throws UnauthenticatedError, ForbiddenError, NotFoundError */
    async status(presented: string | null, executionId: string): Promise<ExecutionRecord> {
      const key = await caller(presented, ['read:executions']);
      return deps.executions.get(key.userId, executionId);
    },
  };
}
export type TriggerService = ReturnType<typeof createTriggerService>;
