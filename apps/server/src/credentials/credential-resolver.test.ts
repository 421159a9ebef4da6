import { apiErrorSchema, availableToolsResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { exampleChatIntegration, exampleChatValues, exampleIntegrations } from './credentials.test-support.js';
import { createUsableToolsFilter } from './usable-tools-filter.js';

let app: TestApp;
let owner: SessionResponse;
let other: SessionResponse;
// Each use of the clock is a second later, so "most recently used or added" never ties.
let clock = Date.now();
beforeEach(async () => {
  app = await createTestApp({ overrides: { integrations: exampleIntegrations, now: () => new Date((clock += 1000)) } });
  owner = await registerAdmin(app);
  await setRegistrationMode(app, owner.accessToken, 'open');
  other = (await registerUser(app)).json<SessionResponse>();
});
afterEach(() => app.close());

async function add(token: string, integrationType: string, data: Record<string, string>, name = 'Credential') {
  const response = await app.http.inject({ method: 'POST', url: '/api/credentials', headers: bearer(token), payload: { name, integrationType, data } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ credential: { id: string } }>().credential.id;
}
const usageOf = async (id: string) =>
  app.database.db.selectFrom('credentials').select(['usage_count', 'last_used_at']).where('id', '=', id).executeTakeFirstOrThrow();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('credentialsFor (the tools’ credential resolver)', () => {
  it('gives a tool the values of this user’s credential of that integration and counts the use', async () => {
    const values = exampleChatValues();
    const id = await add(owner.accessToken, 'example_chat', values);
    await add(other.accessToken, 'example_chat', exampleChatValues());
    expect(await app.credentials.credentialsFor(owner.user.id)('example_chat')).toEqual({ ...values, mode: 'bot' });
    expect(await usageOf(id)).toMatchObject({ usage_count: 1, last_used_at: expect.any(String) });
    await app.credentials.credentialsFor(owner.user.id)('example_chat');
    expect(Number((await usageOf(id)).usage_count)).toBe(2);
  });

  it('takes the most recently used or added credential, unless the call chose one', async () => {
    const older = await add(owner.accessToken, 'example_chat', { ...exampleChatValues(), workspace: 'older' });
    const newer = await add(owner.accessToken, 'example_chat', { ...exampleChatValues(), workspace: 'newer' });
    const resolve = (chosen?: Record<string, string>) => app.credentials.credentialsFor(owner.user.id, chosen)('example_chat');
    expect((await resolve()).workspace).toBe('newer');
    expect((await resolve({ example_chat: older })).workspace).toBe('older');
    // The older one was just used: it is now the most recent.
    expect((await resolve()).workspace).toBe('older');
    expect((await resolve({ example_chat: newer })).workspace).toBe('newer');
  });

  it('refuses a chosen credential of another user or another integration without opening it', async () => {
    const theirs = await add(other.accessToken, 'example_chat', exampleChatValues());
    const notes = await add(owner.accessToken, 'example_notes', { token: 'notes-token-0123456789abcdef' });
    await add(owner.accessToken, 'example_chat', exampleChatValues());
    for (const chosen of [theirs, notes, 'no-such-id']) {
      const error = await refusal(app.credentials.credentialsFor(owner.user.id, { example_chat: chosen })('example_chat'));
      expect(error.code).toBe('validation_failed');
      expect(error.message).toBe('The credential chosen for Example Chat is not one of your Example Chat credentials; pick another in the block\'s settings.');
      expect(JSON.stringify(error)).not.toContain('notes-token');
    }
    expect(await usageOf(theirs)).toMatchObject({ usage_count: 0, last_used_at: null });
    expect(await usageOf(notes)).toMatchObject({ usage_count: 0, last_used_at: null });
  });

  it('tells the user to add a credential when they have none of that integration', async () => {
    await add(other.accessToken, 'example_chat', exampleChatValues());
    const error = await refusal(app.credentials.credentialsFor(owner.user.id)('example_chat'));
    expect(error.message).toBe('Add a Example Chat credential on the Credentials page to use this tool.');
  });
});

describe('usable tools', () => {
  const available = async (token: string) => {
    const response = await app.http.inject({ url: '/api/tools/available', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    const body = availableToolsResponseSchema.parse(response.json());
    return { body, names: body.categories.flatMap((category) => category.tools.map((tool) => tool.name)) };
  };

  it('offers an integration’s tools only to users with a credential of it, and forgets at once when it is deleted', async () => {
    const before = await available(owner.accessToken);
    expect(before.names).not.toContain('example_chat_post');
    expect(before.names).toContain('get_current_time');
    expect(before.body.filteredCount).toBeGreaterThanOrEqual(1);
    const all = await app.http.inject({ url: '/api/tools', headers: bearer(owner.accessToken) });
    expect(JSON.stringify(all.json())).toContain('"integration":"example_chat"');

    const id = await add(owner.accessToken, 'example_chat', exampleChatValues());
    const after = await available(owner.accessToken);
    expect(after.names).toContain('example_chat_post');
    expect(after.body.filteredCount).toBe(before.body.filteredCount - exampleChatIntegration.tools.length);
    expect(after.body.total).toBe(before.body.total + exampleChatIntegration.tools.length);
    expect((await available(other.accessToken)).names).not.toContain('example_chat_post');

    expect((await app.http.inject({ method: 'DELETE', url: `/api/credentials/${id}`, headers: bearer(owner.accessToken) })).statusCode).toBe(204);
    expect((await available(owner.accessToken)).names).not.toContain('example_chat_post');
    expect(apiErrorSchema.safeParse((await app.http.inject({ url: '/api/tools/available' })).json()).success).toBe(true);
  });
});

describe('createUsableToolsFilter', () => {
  const directory = {
    find: (id: string) => (['chat', 'mail'].includes(id) ? ({ id, requiresInstanceConfig: id === 'mail' ? 'composio' : undefined } as never) : undefined),
    unavailableReason: (integration: { requiresInstanceConfig?: string }) => (integration.requiresInstanceConfig ? 'needs Composio' : null),
  };

  it('asks the database once per user within the cache time, again after it or after forget', async () => {
    const asked: string[] = [];
    let time = 0;
    const filter = createUsableToolsFilter({
      repository: { integrationTypesOfUser: async (userId) => (asked.push(userId), ['chat', 'mail']) },
      directory, ttlMs: 5_000, clock: () => time,
    });
    const [first, second] = await Promise.all([filter.filterFor('u1'), filter.filterFor('u1')]);
    expect(asked).toEqual(['u1']);
    expect([first({ integration: 'chat' }), first({}), first({ integration: 'mail' }), first({ integration: 'unknown' })]).toEqual([true, true, false, false]);
    expect(second({ integration: 'chat' })).toBe(true);
    time = 4_999;
    await filter.filterFor('u1');
    expect(asked).toEqual(['u1']);
    time = 5_000;
    await filter.filterFor('u1');
    filter.forget('u1');
    await filter.filterFor('u1');
    await filter.filterFor('u2');
    expect(asked).toEqual(['u1', 'u1', 'u1', 'u2']);
  });

  it('does not keep a failed query', async () => {
    let calls = 0;
    const filter = createUsableToolsFilter({
      repository: { integrationTypesOfUser: async () => { calls += 1; if (calls === 1) throw new Error('database down'); return ['chat']; } },
      directory,
    });
    await expect(filter.filterFor('u1')).rejects.toThrow('database down');
    expect((await filter.filterFor('u1'))({ integration: 'chat' })).toBe(true);
    expect(calls).toBe(2);
  });
});
