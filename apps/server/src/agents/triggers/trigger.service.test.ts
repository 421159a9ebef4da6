import type { ExecutionRecord } from '@claraverse/shared';
import { describe, expect, it } from 'vitest';
import type { AgentRunsService } from '../runs/agent-runs.service.js';
import type { ExecutionsService } from '../runs/executions.service.js';
import { createTriggerService } from './trigger.service.js';

describe('createTriggerService', () => {
  it('answers 202 when a waited-for run outlives the wait, and asks the key for execute:* or execute:<agentId>', async () => {
    const asked: Array<readonly string[]> = [];
    let finish: (record: ExecutionRecord) => void = () => undefined;
    const done = new Promise<ExecutionRecord>((resolve) => (finish = resolve));
    const runs = { start: () => Promise.resolve({ executionId: 'exec-1', done }) } as unknown as AgentRunsService;
    const service = createTriggerService({
      authenticate: (_key, scopes) => {
        asked.push(scopes);
        return Promise.resolve({ userId: 'u1', keyId: 'k1' });
      },
      runs, executions: {} as ExecutionsService, waitTimeoutMs: 20,
    });
    const outcome = await service.trigger(`clv_${'a'.repeat(64)}`, 'agent-9', { n: 1 }, true);
    expect(outcome).toEqual({ kind: 'accepted', body: { executionId: 'exec-1', status: 'running', message: expect.stringContaining('/api/trigger/status/exec-1') } });
    expect(asked).toEqual([['execute:*', 'execute:agent-9']]);
    finish({} as ExecutionRecord);
    await expect(service.trigger(null, 'agent-9', {}, false)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
