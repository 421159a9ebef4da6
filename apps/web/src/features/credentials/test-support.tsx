import type { Credential, Integration, IntegrationCategoryGroup } from '@claraverse/shared';
import { Route, Routes, useLocation } from 'react-router';
import { createFakeFetch, errorResponse, jsonResponse, type RecordedRequest } from '../../test/fake-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { CredentialsPanel } from './components/credentials-panel';

/** Slack as the catalogue shows it: one sensitive webhook URL. */
export const slackIntegration: Integration = {
  id: 'slack', name: 'Slack', description: 'Send messages to a Slack channel through an incoming webhook.', icon: 'Hash', category: 'communication',
  fields: [{ key: 'webhook_url', label: 'Webhook URL', type: 'webhook_url', required: true, sensitive: true, placeholder: 'https://hooks.slack.com/services/T…/B…/…', helpText: 'Copy the URL of an incoming webhook.' }],
  tools: ['send_slack_message'], docsUrl: 'https://api.slack.com/messaging/webhooks', available: true, testable: true,
};

/** An integration with every field type: a key, a token, a plain text, a select, JSON and a public webhook URL. */
export const restApiIntegration: Integration = {
  id: 'rest_api', name: 'REST API', description: 'Call any REST API with its auth.', icon: 'Globe', category: 'custom',
  fields: [
    { key: 'base_url', label: 'Base URL', type: 'webhook_url', required: true, sensitive: false, placeholder: 'https://api.example.com/v1' },
    { key: 'auth_type', label: 'Auth type', type: 'select', required: true, sensitive: false, options: ['none', 'bearer', 'basic'], default: 'bearer' },
    { key: 'auth_value', label: 'Token', type: 'token', required: false, sensitive: true, helpText: 'The bearer token or user:password.' },
    { key: 'api_key', label: 'API key', type: 'api_key', required: false, sensitive: true },
    { key: 'auth_header_name', label: 'Header name', type: 'text', required: false, sensitive: false, placeholder: 'Authorization' },
    { key: 'headers', label: 'Extra headers', type: 'json', required: false, sensitive: false, placeholder: '{"X-Team": "core"}' },
  ],
  tools: ['api_request'], docsUrl: 'https://example.com/rest-docs', available: true, testable: true,
};

export const gmailIntegration: Integration = {
  id: 'composio_gmail', name: 'Gmail', description: 'Read and send Gmail through Composio.', icon: 'Mail', category: 'communication',
  fields: [{ key: 'composio_entity_id', label: 'Composio entity', type: 'text', required: true, sensitive: false }],
  tools: ['gmail_send_email', 'gmail_fetch_emails'], docsUrl: 'https://docs.composio.dev', available: true, testable: true,
};

/** The catalogue in the server's order; empty categories included, as the API sends them. */
export function buildCatalogue(overrides: { gmail?: Partial<Integration> } = {}): IntegrationCategoryGroup[] {
  return [
    { id: 'communication', name: 'Communication', icon: 'MessageSquare', integrations: [{ ...gmailIntegration, ...overrides.gmail }, slackIntegration] },
    { id: 'productivity', name: 'Productivity', icon: 'ListChecks', integrations: [] },
    { id: 'custom', name: 'Custom', icon: 'Webhook', integrations: [restApiIntegration] },
  ];
}

/** A credential as the API shows it, with sensible defaults. */
export function buildCredential(overrides: Partial<Credential> = {}): Credential {
  return {
    id: 'credential-1', name: 'Team Slack', integrationType: 'slack', maskedPreview: 'https://hooks.slack.…qrstuvwx', configuredFields: ['webhook_url'],
    usageCount: 0, lastUsedAt: null, lastTestAt: null, testStatus: null, testMessage: null,
    createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z', ...overrides,
  };
}

const integrationsById = new Map(buildCatalogue().flatMap((category) => category.integrations).map((integration) => [integration.id, integration]));

/**
 * The credentials API over an in-memory list, keeping the contract's rules the page relies on: values are
 * checked against the integration's required fields and Slack's host (`validation_failed` with `data.<key>` paths), never sent
 * back (a masked preview instead), a secret sent empty on update is kept, a tool is available once its
 * integration has a credential, and a test answers with `testResult`.
 */
export function startFakeCredentialsApi(initial: Credential[] = [], options: { catalogue?: IntegrationCategoryGroup[] } = {}) {
  const credentials = new Map(initial.map((credential) => [credential.id, credential]));
  const stored = new Map<string, Record<string, string>>();
  let nextId = 1;
  let testResult = { success: true, message: 'Connected to the Slack webhook.' };
  const notFound = (request: RecordedRequest) => errorResponse(404, 'not_found', `No credential with id ${request.params.id}`);
  const missingFields = (integration: Integration, values: Record<string, string>) =>
    integration.fields.filter((field) => field.required && !values[field.key]).map((field) => ({ path: `data.${field.key}`, message: `${field.label} is required` }));

  // The real Slack integration refuses a webhook off Slack's host, with the field's path.
  const slackHostIssues = (integrationType: string, values: Record<string, string>) =>
    integrationType === 'slack' && values.webhook_url && !values.webhook_url.startsWith('https://hooks.slack.com/services/')
      ? [{ path: 'data.webhook_url', message: 'Webhook URL must be a Slack webhook (https://hooks.slack.com/services/…)' }]
      : [];

  const fake = createFakeFetch({
    'GET /api/integrations': () => jsonResponse({ categories: options.catalogue ?? buildCatalogue() }),
    'GET /api/credentials': () => jsonResponse({ credentials: [...credentials.values()].reverse() }),
    'GET /api/tools/available': () => {
      const tools = [...new Set([...credentials.values()].map((credential) => credential.integrationType))].flatMap((id) =>
        (integrationsById.get(id)?.tools ?? []).map((name) => ({ name, displayName: name, description: '', icon: 'Wrench', category: 'integrations', keywords: [], source: 'builtin', parameters: {}, interactive: false, integration: id })));
      return jsonResponse({ categories: tools.length > 0 ? [{ category: 'integrations', count: tools.length, tools }] : [], total: tools.length, filteredCount: 0 });
    },
    'POST /api/credentials': (request) => {
      const body = request.body as { name: string; integrationType: string; data: Record<string, string> };
      const integration = integrationsById.get(body.integrationType)!;
      const issues = [...missingFields(integration, body.data), ...slackHostIssues(body.integrationType, body.data)];
      if (issues.length > 0) return errorResponse(400, 'validation_failed', `The ${integration.name} credential is not valid: ${issues.map((issue) => issue.message).join('; ')}`, { details: issues });
      const credential = buildCredential({ id: `new-${nextId++}`, name: body.name, integrationType: body.integrationType, configuredFields: Object.keys(body.data), maskedPreview: '••••••••' });
      credentials.set(credential.id, credential);
      stored.set(credential.id, body.data);
      return jsonResponse({ credential }, 201);
    },
    'PUT /api/credentials/:id': (request) => {
      const credential = credentials.get(request.params.id!);
      if (!credential) return notFound(request);
      const body = request.body as { name?: string; data?: Record<string, string> };
      const integration = integrationsById.get(credential.integrationType)!;
      const values = { ...stored.get(credential.id) };
      for (const [key, value] of Object.entries(body.data ?? {})) {
        const field = integration.fields.find((candidate) => candidate.key === key);
        if (!(value === '' && field?.sensitive)) values[key] = value;
      }
      const updated = { ...credential, name: body.name ?? credential.name, configuredFields: Object.keys(values).filter((key) => values[key] !== '') };
      credentials.set(credential.id, updated);
      stored.set(credential.id, values);
      return jsonResponse({ credential: updated });
    },
    'DELETE /api/credentials/:id': (request) => (credentials.delete(request.params.id!) ? jsonResponse(null, 204) : notFound(request)),
    'POST /api/credentials/:id/test': (request) => {
      const credential = credentials.get(request.params.id!);
      if (!credential) return notFound(request);
      const testedAt = new Date().toISOString();
      credentials.set(credential.id, { ...credential, lastTestAt: testedAt, testStatus: testResult.success ? 'success' : 'failed', testMessage: testResult.message });
      return jsonResponse({ ...testResult, testedAt });
    },
    'GET /api/integrations/composio/gmail/authorize': () => jsonResponse({ redirectUrl: 'https://connect.composio.dev/link/lk_123' }),
    'POST /api/integrations/composio/complete-setup': () => {
      const credential = buildCredential({ id: `new-${nextId++}`, name: 'Gmail', integrationType: 'composio_gmail', configuredFields: ['composio_entity_id'], maskedPreview: 'user-1' });
      credentials.set(credential.id, credential);
      return jsonResponse({ credential }, 201);
    },
  });

  return {
    ...fake,
    /** What the server stored (in clear) for a credential. */
    valuesOf: (id: string) => stored.get(id),
    setStored: (id: string, values: Record<string, string>) => stored.set(id, values),
    /** What the next `/test` answers. */
    answerTests: (result: { success: boolean; message: string }) => {
      testResult = result;
    },
  };
}

/** Where the router is, so a test can see a redirect or the parameters taken out of the URL. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

/** The credentials page's content at `path` (default /credentials), with a probe of the current URL. */
export function renderCredentialsPanel(path = '/credentials') {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/credentials" element={<CredentialsPanel />} />
      </Routes>
      <LocationProbe />
    </>,
    { path },
  );
}
