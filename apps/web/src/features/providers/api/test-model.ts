import { modelTestResultSchema, type ModelTestResult } from '@claraverse/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { modelPath } from './provider-scope';

/** POST /api/admin/models/:id/test → latency, tokens/s, tool support, structured-output compliance. */
export async function testModel(modelId: string): Promise<ModelTestResult> {
  return apiClient.request(`${modelPath(modelId)}/test`, { method: 'POST', schema: modelTestResultSchema });
}

export function useTestModel() {
  return useMutation({ mutationFn: testModel });
}
