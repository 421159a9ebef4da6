import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { posthogCredentialOf, posthogDefaultHost, validatePosthogHost } from './posthog-api.js';
import { posthogCaptureTool } from './posthog-capture.tool.js';
import { posthogIdentifyTool } from './posthog-identify.tool.js';
import { posthogQueryTool } from './posthog-query.tool.js';

/** PostHog product analytics, cloud or self-hosted (reference §4.3). */
export const posthogIntegration = defineIntegration({
  id: 'posthog',
  name: 'PostHog',
  description: 'Capture events, identify people and query your PostHog project with HogQL.',
  icon: 'Activity',
  category: 'analytics',
  docsUrl: 'https://posthog.com/docs/api',
  fields: [
    { key: 'api_key', label: 'Project API Key', type: 'api_key', required: true, placeholder: 'phc_…', helpText: 'Project settings → Project API key (write-only; used to send events).', sensitive: true },
    {
      key: 'host',
      label: 'Host',
      type: 'text',
      required: false,
      default: posthogDefaultHost,
      placeholder: posthogDefaultHost,
      helpText: 'https://us.i.posthog.com (US Cloud), https://eu.i.posthog.com (EU Cloud) or your self-hosted address.',
      sensitive: false,
      validate: validatePosthogHost,
    },
    {
      key: 'personal_api_key',
      label: 'Personal API Key',
      type: 'api_key',
      required: false,
      placeholder: 'phx_…',
      helpText: 'Only for posthog_query: Account settings → Personal API keys, with the query:read scope.',
      sensitive: true,
    },
  ],
  tools: [posthogCaptureTool, posthogIdentifyTool, posthogQueryTool],
  async test(values, context) {
    const credential = posthogCredentialOf(values);
    // /flags checks the project API key (401 invalid_api_key) without recording anything.
    await callService(context, {
      service: 'PostHog',
      method: 'POST',
      url: `${credential.ingestionHost}/flags/`,
      query: { v: 2 },
      json: { api_key: credential.apiKey, distinct_id: 'claraverse-credential-test' },
    });
    if (!credential.personalApiKey) return { message: `Connected to PostHog at ${credential.ingestionHost} with the project API key.` };
    const { data } = await callService<{ id?: number; name?: string }>(context, {
      service: 'PostHog',
      url: `${credential.privateHost}/api/projects/@current/`,
      headers: { authorization: `Bearer ${credential.personalApiKey}` },
    });
    return { message: `Connected to PostHog project "${data.name ?? data.id}"; the personal API key can query it.` };
  },
});
