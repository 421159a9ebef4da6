import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { calendlyEventsTool } from './calendly-events.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { api_key: 'calendly-pat' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.calendly.com'], origin: api.origin, credentials: { calendly: credential } });
}

const me = { json: { resource: { uri: 'https://api.calendly.com/users/AAAA1111', name: 'Ada', email: 'ada@example.com' } } };
const event = {
  uri: 'https://api.calendly.com/scheduled_events/EVT12345678',
  name: 'Intro call',
  status: 'active',
  start_time: '2025-05-01T09:00:00.000000Z',
  end_time: '2025-05-01T09:30:00.000000Z',
  event_type: 'https://api.calendly.com/event_types/TYPE0001',
  location: { type: 'google_conference', join_url: 'https://meet.google.com/abc-defg-hij' },
  invitees_counter: { total: 1, active: 1, limit: 1 },
  created_at: '2025-04-20T10:00:00.000000Z',
};

describe('calendly_events', () => {
  it('asks for the token\'s user, then GETs /scheduled_events filtered by that user URI', async () => {
    api.answer(me, { json: { collection: [event], pagination: { count: 1, next_page_token: 'tok-2' } } });
    const { result } = await runTool(
      calendlyEventsTool,
      { status: 'active', min_start_time: '2025-05-01T00:00:00Z', max_start_time: '2025-06-01T00:00:00Z', count: 10 },
      context(),
    );
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /users/me', 'GET /scheduled_events']);
    for (const request of api.requests) expect(request.headers.authorization).toBe('Bearer calendly-pat');
    expect(api.requests[1]!.query).toEqual({
      user: 'https://api.calendly.com/users/AAAA1111',
      status: 'active',
      min_start_time: '2025-05-01T00:00:00Z',
      max_start_time: '2025-06-01T00:00:00Z',
      sort: 'start_time:asc',
      count: '10',
    });
    expect(result).toEqual({
      count: 1,
      events: [
        {
          uri: event.uri,
          id: 'EVT12345678',
          name: 'Intro call',
          status: 'active',
          start_time: event.start_time,
          end_time: event.end_time,
          location: 'https://meet.google.com/abc-defg-hij',
          invitees: { active: 1, limit: 1 },
          event_type: event.event_type,
        },
      ],
      next_page_token: 'tok-2',
    });
  });

  it('passes page_token on and caps count at 100', async () => {
    api.answer(me, { json: { collection: [], pagination: { count: 0, next_page_token: null } } });
    await runTool(calendlyEventsTool, { count: 250, page_token: 'tok-2' }, context());
    expect(api.requests[1]!.query).toMatchObject({ count: '100', page_token: 'tok-2' });
  });

  it('reports a refused token (401) readably', async () => {
    api.answer({ status: 401, json: { title: 'Unauthenticated', message: 'The access token is invalid' } });
    await expect(runTool(calendlyEventsTool, {}, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('Calendly refused the credential (401): The access token is invalid'),
    });
    expect(api.requests).toHaveLength(1);
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, json: { title: 'Too Many Requests', message: 'Rate limit exceeded' } }, me, {
      json: { collection: [], pagination: { count: 0, next_page_token: null } },
    });
    const { result } = await runTool(calendlyEventsTool, {}, context());
    expect(api.requests.map((request) => request.path)).toEqual(['/users/me', '/users/me', '/scheduled_events']);
    expect(result).toEqual({ count: 0, events: [], next_page_token: null });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(calendlyEventsTool, {}, context())).rejects.toMatchObject({ message: expect.stringContaining('Calendly answered with an HTML page') });
  });

  it('names a missing token and sends nothing', async () => {
    await expect(runTool(calendlyEventsTool, {}, context({}))).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"api_key"') });
    expect(api.requests).toHaveLength(0);
  });
});
