import type { ToolsResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin } from '../test/factories.js';
import { integrationTools } from '../integrations/catalog/index.js';
import { toolCatalog } from './catalog/index.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('GET /api/tools', () => {
  it('needs a signed-in user', async () => {
    const response = await app.http.inject({ method: 'GET', url: '/api/tools' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('lists every built-in and integration tool once, grouped by category in a stable order, with its JSON Schema', async () => {
    const admin = await registerAdmin(app);
    const response = await app.http.inject({ method: 'GET', url: '/api/tools', headers: bearer(admin.accessToken) });
    expect(response.statusCode).toBe(200);
    const body = response.json<ToolsResponse>();
    const names = body.categories.flatMap((group) => group.tools.map((tool) => tool.name));
    const allTools = [...toolCatalog, ...integrationTools];
    expect(names.sort()).toEqual(allTools.map((tool) => tool.name).sort());
    expect(body.total).toBe(allTools.length);
    expect(body.categories.map((group) => group.category)).toEqual([...body.categories.map((group) => group.category)].sort());
    for (const group of body.categories) expect(group.count).toBe(group.tools.length);
    const askUser = body.categories.find((group) => group.category === 'interaction')?.tools.find((tool) => tool.name === 'ask_user');
    expect(askUser).toMatchObject({ displayName: 'Ask User Questions', icon: 'MessageCircleQuestion', source: 'builtin', interactive: true, parameters: { type: 'object' } });

    const available = await app.http.inject({ method: 'GET', url: '/api/tools/available', headers: bearer(admin.accessToken) });
    // Integration tools wait for a credential of their integration.
    expect(available.json()).toMatchObject({ total: toolCatalog.length, filteredCount: integrationTools.length });
  });
});
