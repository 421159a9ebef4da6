import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { calendlyEventTypesTool } from './calendly-event-types.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => createIntegrationTestContext({ baseUrls: ['https://api.calendly.com'], origin: api.origin, credentials: { calendly: { api_key: 'calendly-pat' } } });

describe('calendly_event_types', () => {
  it('GETs /event_types for the token\'s user and returns names, durations and booking links', async () => {
    api.answer(
      { json: { resource: { uri: 'https://api.calendly.com/users/AAAA1111', name: 'Ada' } } },
      {
        json: {
          collection: [
            { uri: 'https://api.calendly.com/event_types/TYPE0001', name: '30 Minute Meeting', active: true, slug: '30min', scheduling_url: 'https://calendly.com/ada/30min', duration: 30, kind: 'solo', description_plain: 'A chat' },
          ],
          pagination: { count: 1, next_page_token: null },
        },
      },
    );
    const { result } = await runTool(calendlyEventTypesTool, { active: true }, context());
    expect(api.requests.map((request) => request.path)).toEqual(['/users/me', '/event_types']);
    expect(api.requests[1]!.query).toEqual({ user: 'https://api.calendly.com/users/AAAA1111', active: 'true', count: '20' });
    expect(api.requests[1]!.headers.authorization).toBe('Bearer calendly-pat');
    expect(result).toEqual({
      count: 1,
      event_types: [
        {
          uri: 'https://api.calendly.com/event_types/TYPE0001',
          name: '30 Minute Meeting',
          duration_minutes: 30,
          scheduling_url: 'https://calendly.com/ada/30min',
          active: true,
          kind: 'solo',
          description: 'A chat',
        },
      ],
      next_page_token: null,
    });
  });
});
