import { createIntegrationTestContext } from '../test-support.js';

/** A tool context whose MongoDB credential is `values` (the guarded client allows only 127.0.0.1). */
export function mongoContext(values: Record<string, string>) {
  return createIntegrationTestContext({ baseUrls: [], origin: 'http://127.0.0.1', credentials: { mongodb: values } });
}
