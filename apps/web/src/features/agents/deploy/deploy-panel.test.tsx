import type { Agent, ApiKey } from '@claraverse/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { EditorStoreProvider } from '../stores/editor-store-context';
import { branchingWorkflow } from '../test/workflow-fixtures';
import { DeployPanel } from './deploy-panel';

afterEach(() => vi.unstubAllGlobals());

const agent: Agent = {
  id: 'agent-1', name: 'Scorer', description: '', status: 'draft', settings: {}, hasWorkflow: true, blockCount: 4, workflowVersion: 5,
  createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-02T10:30:00.000Z',
};

const newKey = `clv_${'ab'.repeat(32)}`;

function keyRecord(id: string, name: string, scopes: string[], extra: Partial<ApiKey> = {}): ApiKey {
  return { id, name, prefix: 'clv_12345678', scopes, rateLimitPerMinute: 60, expiresAt: null, lastUsedAt: null, revokedAt: null, createdAt: '2026-03-01T09:00:00.000Z', ...extra };
}

function startFakeDeployApi() {
  const keys: ApiKey[] = [
    keyRecord('k1', 'Scorer production', ['execute:agent-1', 'read:executions']),
    keyRecord('k2', 'Every agent', ['execute:*']),
    keyRecord('k3', 'Another agent', ['execute:agent-2']),
    keyRecord('k4', 'Old one', ['execute:agent-1'], { revokedAt: '2026-03-02T09:00:00.000Z' }),
  ];
  const endpoint = 'http://127.0.0.1:8080/api/trigger/agent-1';
  let webhook: { hookId: string; path: string; signed: boolean; createdAt: string } | undefined;
  let hookCount = 0;
  return createFakeFetch({
    'GET /api/agents/agent-1/schedule': () => errorResponse(404, 'not_found', 'schedule of agent agent-1 not found'),
    'POST /api/agents/agent-1/schedule': (request) => {
      const body = request.body as Record<string, unknown>;
      return jsonResponse({ schedule: { id: 's1', agentId: 'agent-1', ...body, nextRunAt: null, lastRunAt: null, totalRuns: 0, successfulRuns: 0, failedRuns: 0, createdAt: agent.createdAt, updatedAt: agent.createdAt } }, 201);
    },
    'GET /api/schedules/usage': () => jsonResponse({ active: 1, paused: 0, total: 1, limit: 5, canCreate: true }),
    'GET /api/keys': () => jsonResponse({ keys }),
    'POST /api/keys': (request) => {
      const body = request.body as { name: string; scopes: string[] };
      const record = keyRecord('k5', body.name, body.scopes);
      keys.push(record);
      return jsonResponse({ key: record, apiKey: newKey }, 201);
    },
    'POST /api/keys/:id/revoke': (request) => {
      const key = keys.find((item) => item.id === request.params['id'])!;
      key.revokedAt = '2026-03-03T09:00:00.000Z';
      return jsonResponse({ key });
    },
    'GET /api/agents/agent-1/deploy': () =>
      jsonResponse({
        endpoint,
        statusEndpoint: 'http://127.0.0.1:8080/api/trigger/status/',
        curl: `curl -X POST '${endpoint}?wait=true' \\\n  -H 'X-API-Key: clv_YOUR_API_KEY' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"input":{"message":"Hello"}}'`,
        python: `import requests\n\nresponse = requests.post(\n    "${endpoint}",\n    params={"wait": "true"},\n    headers={"X-API-Key": "clv_YOUR_API_KEY"},\n)\nprint(response.json()["output"])`,
        javascript: `await fetch('${endpoint}?wait=true', { headers: { 'X-API-Key': 'clv_YOUR_API_KEY' } });`,
        go: `req, _ := http.NewRequest("POST", "${endpoint}?wait=true", body)`,
      }),
    'GET /api/agents/agent-1/webhook': () => (webhook ? jsonResponse({ webhook }) : errorResponse(404, 'not_found', 'webhook of agent agent-1 not found')),
    'POST /api/agents/agent-1/webhook': (request) => {
      const { signed } = request.body as { signed: boolean };
      webhook = { hookId: `hook${(hookCount += 1)}`, path: `/api/hooks/hook${hookCount}`, signed, createdAt: agent.createdAt };
      return jsonResponse({ webhook, secret: signed ? `whsec_secret${hookCount}` : null }, 201);
    },
    'DELETE /api/agents/agent-1/webhook': () => {
      webhook = undefined;
      return jsonResponse(null, 204);
    },
    'PUT /api/agents/agent-1': (request) => jsonResponse({ agent: { ...agent, ...(request.body as object) } }),
  });
}

function renderPanel() {
  renderWithProviders(
    <EditorStoreProvider workflow={branchingWorkflow()}>
      <DeployPanel agent={agent} />
    </EditorStoreProvider>,
  );
}

describe('DeployPanel', () => {
  it('lists the keys that can run this agent, shows a new key once, and fills it into the snippets', async () => {
    const api = startFakeDeployApi();
    vi.stubGlobal('fetch', api.fetch);
    renderPanel();
    const user = userEvent.setup();

    const list = await screen.findByRole('list', { name: 'API keys for this agent' });
    expect(within(list).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual(['Scorer production', 'Every agent']);
    const snippet = await screen.findByLabelText('curl snippet');
    expect(snippet.textContent).toContain('clv_YOUR_API_KEY');

    const form = screen.getByRole('form', { name: 'Create an API key' });
    await user.clear(within(form).getByLabelText('Key name'));
    await user.type(within(form).getByLabelText('Key name'), 'CI pipeline');
    await user.click(within(form).getByLabelText('Upload files'));
    await user.selectOptions(within(form).getByLabelText('Expires'), '30');
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const notice = await screen.findByRole('status', { name: 'New API key' });
    expect(notice.textContent).toContain('you won’t see it again');
    expect(within(notice).getByLabelText('API key').textContent).toBe(newKey);
    expect(api.requestsTo('POST /api/keys')[0]?.body).toEqual({ name: 'CI pipeline', scopes: ['execute:agent-1', 'read:executions', 'upload'], expiresInDays: 30 });
    expect(screen.getByLabelText('curl snippet').textContent).toContain(`X-API-Key: ${newKey}`);
    expect(await within(list).findByRole('listitem', { name: 'CI pipeline' })).toBeTruthy();

    // The async variant drops ?wait=true; other languages get the key too.
    await user.click(screen.getByLabelText('Wait for the result'));
    expect(screen.getByLabelText('curl snippet').textContent).not.toContain('wait=true');
    await user.click(screen.getByRole('tab', { name: 'Python' }));
    const python = screen.getByLabelText('Python snippet').textContent ?? '';
    expect(python).toContain(newKey);
    expect(python).not.toContain('params=');
    expect(python).toContain('print(response.json()["executionId"])');

    // Once dismissed, the key is nowhere on the page.
    await user.click(within(notice).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('status', { name: 'New API key' })).toBeNull();
    expect(document.body.textContent).not.toContain(newKey);
    expect(screen.getByLabelText('Python snippet').textContent).toContain('clv_YOUR_API_KEY');

    // Revoking asks once more, then the key leaves the list.
    await user.click(within(list).getByRole('button', { name: 'Revoke Scorer production' }));
    expect(api.requestsTo('POST /api/keys/k1/revoke')).toHaveLength(0);
    await user.click(within(within(list).getByRole('listitem', { name: 'Scorer production' })).getByRole('button', { name: 'Revoke now' }));
    await waitFor(() => expect(within(list).queryByRole('listitem', { name: 'Scorer production' })).toBeNull());
    expect(api.requestsTo('POST /api/keys/k1/revoke')).toHaveLength(1);
  });

  it('builds a cron expression visually, reads a custom one, explains a bad one, previews the next runs and creates the schedule', async () => {
    const api = startFakeDeployApi();
    vi.stubGlobal('fetch', api.fetch);
    renderPanel();
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Schedule' });
    await within(section).findByLabelText('Repeat');
    await user.selectOptions(within(section).getByLabelText('Time zone'), 'UTC');
    await user.selectOptions(within(section).getByLabelText('Repeat'), 'weekly');
    expect(within(section).getByLabelText('Cron expression').textContent).toBe('0 9 * * 1-5');
    await user.click(within(section).getByRole('button', { name: 'Friday' }));
    await user.click(within(section).getByRole('button', { name: 'Sunday' }));
    expect(within(section).getByRole('button', { name: 'Sunday' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(within(section).getByLabelText('At'), { target: { value: '07:45' } });
    expect(within(section).getByLabelText('Cron expression').textContent).toBe('45 7 * * 0-4');
    expect(section.textContent).toContain('Every Sunday, Monday, Tuesday, Wednesday, Thursday at 07:45');
    const runs = within(within(section).getByRole('list', { name: 'Next runs' }).parentElement!).getAllByRole('listitem');
    expect(runs).toHaveLength(5);
    for (const run of runs) expect(run.textContent).toMatch(/^(Sun|Mon|Tue|Wed|Thu), .* 07:45$/);

    // Custom: a wrong expression is explained and cannot be saved; the builder reads a known shape back.
    await user.selectOptions(within(section).getByLabelText('Repeat'), 'custom');
    const expression = within(section).getByRole('textbox', { name: 'Cron expression' });
    expect((expression as HTMLInputElement).value).toBe('45 7 * * 0-4');
    await user.clear(expression);
    await user.type(expression, '0 0 9 * * *');
    expect(within(section).getByText(/A cron expression has 5 fields .* this one has 6/)).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Create schedule' })).toHaveProperty('disabled', true);
    await user.clear(expression);
    await user.type(expression, '*/10 * * * *');
    expect(within(section).getAllByRole('listitem')).toHaveLength(5);

    const template = within(section).getByLabelText('Input template (JSON)');
    await user.clear(template);
    await user.type(template, '[[1]');
    expect(within(section).getByText(/must be a JSON object/)).toBeTruthy();
    await user.clear(template);
    await user.type(template, '{{"topic": "news"}');
    await user.click(within(section).getByRole('button', { name: 'Create schedule' }));
    expect(await within(section).findByText('Schedule created.')).toBeTruthy();
    expect(api.requestsTo('POST /api/agents/agent-1/schedule')[0]?.body).toEqual({ cronExpression: '*/10 * * * *', timezone: 'UTC', inputTemplate: { topic: 'news' }, enabled: true });
    await waitFor(() => expect(within(section).getByRole('button', { name: 'Save schedule' })).toBeTruthy());
    expect(within(section).getByLabelText('Schedule status').textContent).toContain('0 total');
  });

  it('creates a signed webhook whose secret is shown once, and saves the completion callback URL', async () => {
    const api = startFakeDeployApi();
    vi.stubGlobal('fetch', api.fetch);
    renderPanel();
    const user = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Webhook' });
    await user.click(await within(section).findByRole('button', { name: 'Create webhook' }));
    expect(api.requestsTo('POST /api/agents/agent-1/webhook')[0]?.body).toEqual({ signed: true });
    expect(within(section).getByLabelText('Webhook URL').textContent).toBe(`${window.location.origin}/api/hooks/hook1`);
    expect(within(section).getByRole('status', { name: 'Signing secret' }).textContent).toContain('whsec_secret1');
    expect(within(section).getByLabelText('Signed call (shell)').textContent).toContain('X-Claraverse-Signature: sha256=$SIG');

    // Unsigned replacement: a new URL, no secret, and the old secret is gone from the page.
    await user.click(within(section).getByLabelText('Sign calls to the new URL'));
    await user.click(within(section).getByRole('button', { name: /^Replace/ }));
    await waitFor(() => expect(within(section).getByLabelText('Webhook URL').textContent).toContain('/api/hooks/hook2'));
    expect(within(section).queryByRole('status', { name: 'Signing secret' })).toBeNull();
    expect(document.body.textContent).not.toContain('whsec_secret1');
    expect(within(section).getByText('Not signed')).toBeTruthy();

    const callback = within(section).getByLabelText('Completion callback URL');
    await user.type(callback, 'not a url');
    await user.click(within(section).getByRole('button', { name: 'Save callback' }));
    expect(within(section).getByText(/Enter a full http\(s\) URL/)).toBeTruthy();
    expect(api.requestsTo('PUT /api/agents/agent-1')).toHaveLength(0);
    await user.clear(callback);
    await user.type(callback, 'https://example.com/done');
    await user.click(within(section).getByRole('button', { name: 'Save callback' }));
    expect(await within(section).findByText('Saved')).toBeTruthy();
    expect(api.requestsTo('PUT /api/agents/agent-1')[0]?.body).toEqual({ settings: { callbackUrl: 'https://example.com/done' } });
  });
});
