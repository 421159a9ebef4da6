import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logging/logger.js';
import type { ExecutionsRepository } from './executions.repository.js';

const interruptedError = JSON.stringify({ code: 'interrupted', message: 'The server stopped while this run was in progress' });
const heartbeatMs = 30_000;
/** A runner without a heartbeat for this long is considered stopped. */
const staleMs = 90_000;

/**
 * This process as a runner of agents (`agent_runners`): its runs carry its id, a heartbeat keeps it alive. On
 * start, runs of stopped runners (or of none) still `running` are marked `failed` (`interrupted`), so no run
 * stays running after a restart while other live processes on the same database keep theirs.
 */
export function createRunnerRegistry(deps: { executionsRepository: Pick<ExecutionsRepository, 'registerRunner' | 'heartbeat' | 'removeRunner' | 'failRunning'>; logger: Logger; now: () => Date }) {
  const id = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  return {
    id,
    /** Registers, starts the heartbeat, fails stopped runners' runs; resolves with how many it failed. */
    async start(): Promise<number> {
      const now = deps.now();
      await deps.executionsRepository.registerRunner(id, now.toISOString());
      timer ??= setInterval(() => {
        void deps.executionsRepository.heartbeat(id, deps.now().toISOString()).catch((error: unknown) => deps.logger.error({ err: error }, 'runner heartbeat failed'));
      }, heartbeatMs);
      timer.unref();
      const count = await deps.executionsRepository.failRunning(interruptedError, now.toISOString(), new Date(now.getTime() - staleMs).toISOString());
      if (count > 0) deps.logger.warn({ count }, 'runs left running by a stopped process marked failed (interrupted)');
      return count;
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await deps.executionsRepository.removeRunner(id).catch(() => undefined);
    },
  };
}
