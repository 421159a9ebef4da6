import { sampleInputResponseSchema, type SampleInputResponse } from '@claraverse/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { sampleInputPath } from './agents-paths';

/** POST /api/agents/:id/generate-sample-input: the model writes an input that fits the agent's start block. */
export function generateSampleInput(agentId: string): Promise<SampleInputResponse> {
  return apiClient.request(sampleInputPath(agentId), { method: 'POST', body: {}, schema: sampleInputResponseSchema });
}

export function useGenerateSampleInput(agentId: string) {
  return useMutation({ mutationFn: () => generateSampleInput(agentId) });
}
