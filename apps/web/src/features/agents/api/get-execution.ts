import { executionRecordSchema, type ExecutionRecord } from '@claraverse/shared';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, executionPath } from './agents-paths';
import { runningRefetchMilliseconds } from './list-agent-executions';

/** GET /api/executions/:id: one run with each block's recorded inputs, output, error and timings. */
export function getExecution(executionId: string): Promise<ExecutionRecord> {
  return apiClient.request(executionPath(executionId), { schema: executionRecordSchema });
}

export function useExecution(executionId: string | undefined) {
  return useQuery({
    queryKey: agentsQueryKeys.execution(executionId ?? ''),
    queryFn: () => getExecution(executionId ?? ''),
    enabled: executionId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? runningRefetchMilliseconds : false),
  });
}
