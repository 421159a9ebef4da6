import { scheduleUsageSchema } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, scheduleUsagePath } from './agents-paths';

export type ScheduleUsage = z.infer<typeof scheduleUsageSchema>;

/** GET /api/schedules/usage → the user's active and paused schedules against the plan's limit (-1: unlimited). */
export async function getScheduleUsage(): Promise<ScheduleUsage> {
  return apiClient.request(scheduleUsagePath, { schema: scheduleUsageSchema });
}

export const scheduleUsageQueryOptions = () => queryOptions({ queryKey: agentsQueryKeys.scheduleUsage, queryFn: getScheduleUsage });

export function useScheduleUsage() {
  return useQuery(scheduleUsageQueryOptions());
}
