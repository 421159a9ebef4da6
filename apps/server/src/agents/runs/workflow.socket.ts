import { type WorkflowClientMessage, type WorkflowServerMessage, workflowClientMessageSchema } from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import type { RealtimeHub } from '../../platform/realtime/realtime-hub.js';
import type { AgentRunsService } from './agent-runs.service.js';
import { toStoredJson } from './execution-records.js';

/** Largest block value sent over the socket; larger ones become a truncation marker (the record keeps 64 KiB). */
const maxSocketValueChars = 256 * 1024;

/** The value as sent: itself, or `{ _truncated, originalChars, preview }` when its JSON is too large. */
function capped(value: unknown): unknown {
  const text = toStoredJson(value, maxSocketValueChars);
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

/**
 * `WS /ws/workflow` (reference §2.2): `workflow.run` starts a manual run and streams `execution.start`,
 * `execution.block` and `execution.end` to this socket; `workflow.cancel` aborts the run's signal (it ends
 * `cancelled`). A closed socket does not stop its runs: they finish and are recorded.
 */
export function registerWorkflowSocket(app: FastifyInstance, deps: { hub: RealtimeHub; runs: AgentRunsService }): void {
  deps.hub.registerRoute<WorkflowClientMessage, WorkflowServerMessage>(app, '/ws/workflow', {
    clientMessageSchema: workflowClientMessageSchema,
    async onMessage(connection, message) {
      if (message.type === 'workflow.cancel') {
        if (!deps.runs.cancel(connection.userId, message.executionId)) {
          connection.send({ type: 'error', code: 'not_found', message: 'No running execution with this id', details: { executionId: message.executionId } });
        }
        return;
      }
      let executionId = '';
      const pending: WorkflowServerMessage[] = [];
      // Block events may come before start() returns the id; they are sent once execution.start went out.
      const send = (event: WorkflowServerMessage) => (executionId ? connection.send(event) : pending.push(event));
      try {
        const run = await deps.runs.start(connection.userId, message.agentId, message.input, {
          trigger: 'manual',
          listener: {
            onBlock: (record) =>
              send({
                type: 'execution.block', executionId: executionId || '', blockId: record.blockId, status: record.status,
                ...(record.inputs === undefined ? {} : { inputs: capped(record.inputs) }),
                ...(record.status === 'completed' ? { output: capped(record.output) } : {}),
                ...(record.error ? { error: record.error } : {}),
              }),
            onEnd: (record) =>
              send({
                type: 'execution.end', executionId: record.id, status: record.status === 'running' ? 'failed' : record.status, output: capped(record.output),
                durationMs: record.durationMs ?? 0, ...(record.error ? { error: record.error } : {}),
              }),
          },
        });
        executionId = run.executionId;
        connection.send({ type: 'execution.start', executionId, agentId: message.agentId });
        for (const event of pending.splice(0)) connection.send({ ...event, executionId } as WorkflowServerMessage);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        connection.send({ type: 'error', code: error.code, message: error.message, details: { agentId: message.agentId, ...(error.details as object | undefined) } });
      }
    },
  });
}
