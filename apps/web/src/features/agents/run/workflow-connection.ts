import {
  baseServerMessageSchema,
  workflowServerMessageSchema,
  type WorkflowClientMessage,
} from '@claraverse/shared';
import { z } from 'zod';
import { createSessionRealtimeClient } from '../../../lib/session-realtime-client';
import { type ConnectionState, type RealtimeClient, type ServerMessageHandlers, type SocketLike } from '../../../lib/realtime-client';
import { useSessionStore } from '../../../stores/session-store';
import { getExecution } from '../api/get-execution';
import { applyBlockEvent, applyRecord, applyRunEnd, beginRun, runOf, updateRun, useRunStore } from './run-store';

/** Everything the server may send on `/ws/workflow`: the run events plus the hub's `ready`, `pong` and `error`. */
export const workflowSocketServerMessageSchema = z.discriminatedUnion('type', [
  ...workflowServerMessageSchema.options,
  ...baseServerMessageSchema.options,
]);
export type WorkflowSocketServerMessage = z.infer<typeof workflowSocketServerMessageSchema>;

/** How often a run is read back over HTTP while its socket messages cannot be trusted (after a reconnect). */
const catchUpIntervalMilliseconds = 2_000;

/** Which agent each execution belongs to (block and end events name only the execution). */
const agentOfExecution = new Map<string, string>();
const catchUpTimers = new Map<string, ReturnType<typeof setTimeout>>();

function agentIdOf(executionId: string): string | undefined {
  return agentOfExecution.get(executionId);
}

/** Reads the run's record until it has ended: after a drop the server kept running it but its events are gone. */
async function catchUp(agentId: string, executionId: string): Promise<void> {
  clearTimeout(catchUpTimers.get(executionId));
  catchUpTimers.delete(executionId);
  if (runOf(agentId).executionId !== executionId) return;
  updateRun(agentId, { isCatchingUp: true });
  try {
    const record = await getExecution(executionId);
    if (runOf(agentId).executionId !== executionId || runOf(agentId).phase === 'ended') return;
    applyRecord(agentId, record);
    if (record.status !== 'running') return;
  } catch {
    // Not reachable yet: try again below.
  }
  catchUpTimers.set(executionId, setTimeout(() => void catchUp(agentId, executionId), catchUpIntervalMilliseconds));
}

const handlers: ServerMessageHandlers<WorkflowSocketServerMessage> = {
  ready: () => {},
  pong: () => {},
  error: (message) => {
    const details = (message.details ?? {}) as { agentId?: unknown; executionId?: unknown };
    if (typeof details.agentId === 'string') {
      // The run was refused (input invalid, no workflow, limits): nothing ran.
      updateRun(details.agentId, { phase: 'ended', status: undefined, error: { code: message.code, message: message.message } });
      return;
    }
    // Cancel of a run that had already ended: its end event may have been lost, read the record.
    const agentId = typeof details.executionId === 'string' ? agentIdOf(details.executionId) : undefined;
    if (agentId !== undefined && typeof details.executionId === 'string') void catchUp(agentId, details.executionId);
  },
  'execution.start': (message) => {
    agentOfExecution.set(message.executionId, message.agentId);
    const run = runOf(message.agentId);
    updateRun(message.agentId, { executionId: message.executionId, phase: run.phase === 'cancelling' ? 'cancelling' : 'running' });
    // Cancel pressed before the server named the run: send it now.
    if (run.phase === 'cancelling') workflowClient().send({ type: 'workflow.cancel', executionId: message.executionId });
  },
  'execution.block': (message) => {
    const agentId = agentIdOf(message.executionId);
    if (agentId === undefined || runOf(agentId).executionId !== message.executionId) return;
    applyBlockEvent(agentId, message);
  },
  'execution.end': (message) => {
    const agentId = agentIdOf(message.executionId);
    if (agentId === undefined || runOf(agentId).executionId !== message.executionId) return;
    applyRunEnd(agentId, message);
  },
};

function handleReady(isReconnect: boolean): void {
  if (!isReconnect) return;
  for (const [agentId, run] of Object.entries(useRunStore.getState().runs)) {
    if (run.executionId !== undefined && (run.phase === 'running' || run.phase === 'cancelling')) void catchUp(agentId, run.executionId);
  }
}

let client: RealtimeClient<WorkflowClientMessage> | null = null;
/** A fake socket factory for tests; the browser's WebSocket otherwise. */
let socketFactory: ((url: string) => SocketLike) | undefined;

/** The connection state of `/ws/workflow`, for the run panel's banner. */
export const workflowConnectionState = (() => {
  let state: ConnectionState = 'idle';
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: ConnectionState) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();

/** The `/ws/workflow` socket, created on first use. */
export function workflowClient(): RealtimeClient<WorkflowClientMessage> {
  if (client) return client;
  // Offline: the socket is dropped at once (the server keeps running the workflow); online: reconnects.
  const created: RealtimeClient<WorkflowClientMessage> = createSessionRealtimeClient<WorkflowSocketServerMessage, WorkflowClientMessage>(
    '/ws/workflow',
    { schema: workflowSocketServerMessageSchema, handlers, onReady: handleReady, ...(socketFactory === undefined ? {} : { createSocket: socketFactory }) },
    () => client === created,
  );
  created.subscribe(() => workflowConnectionState.set(created.getState()));
  client = created;
  return created;
}

/** Starts a manual run of `agentId` with `input` over the socket. */
export function startRun(agentId: string, input: unknown): void {
  beginRun(agentId, input);
  workflowClient().send({ type: 'workflow.run', agentId, ...(input === undefined ? {} : { input }) });
}

/** Asks the server to stop the agent's run; it ends `cancelled` with `execution.end`. */
export function cancelRun(agentId: string): void {
  const run = runOf(agentId);
  if (run.phase !== 'running' && run.phase !== 'starting') return;
  updateRun(agentId, { phase: 'cancelling' });
  if (run.executionId !== undefined) workflowClient().send({ type: 'workflow.cancel', executionId: run.executionId });
}

/** Closes the socket (sign-out, tests) and forgets everything it knew. */
export function closeWorkflowClient(): void {
  client?.disconnect();
  client = null;
  agentOfExecution.clear();
  for (const timer of catchUpTimers.values()) clearTimeout(timer);
  catchUpTimers.clear();
  workflowConnectionState.set('idle');
}

// Sign-out: the socket closes and the runs on screen are forgotten (the next user must not see them).
useSessionStore.subscribe((state, previous) => {
  if (previous.user && !state.user) {
    closeWorkflowClient();
    useRunStore.setState({ runs: {}, editors: {}, pendingRerun: {}, drafts: {} });
  }
});

/** Tests: the socket factory the next client uses. */
export function setSocketFactoryForTests(factory: ((url: string) => SocketLike) | undefined): void {
  closeWorkflowClient();
  socketFactory = factory;
}
