import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

const noRetryStatuses = new Set([400, 401, 403, 404, 409, 422]);

/** One QueryClient for the app: client errors are not retried, server and network errors twice. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && noRetryStatuses.has(error.status)) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
