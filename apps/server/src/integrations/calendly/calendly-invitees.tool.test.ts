import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { calendlyInviteesTool } from './calendly-invitees.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => createIntegrationTestContext({ baseUrls: ['https://api.calendly.com'], origin: api.origin, credentials: { calendly: { api_key: 'calendly-pat' } } });

describe('calendly_invitees', () => {
  it('GETs /scheduled_events/{uuid}/invitees on Calendly\'s own address and returns names, emails and answers', async () => {
    api.answer({
      json: {
        collection: [
          {
            uri: 'https://api.calendly.com/scheduled_events/EVT12345678/invitees/INV1',
            name: 'Grace',
            email: 'grace@example.com',
            status: 'active',
            timezone: 'Europe/Paris',
            created_at: '2025-04-20T10:00:00.000000Z',
            no_show: null,
            questions_and_answers: [{ question: 'Topic?', answer: 'Compilers', position: 0 }],
          },
        ],
        pagination: { count: 1, next_page_token: null },
      },
    });
    const { result } = await runTool(calendlyInviteesTool, { event_uri: 'https://api.calendly.com/scheduled_events/EVT12345678', status: 'active' }, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/scheduled_events/EVT12345678/invitees', query: { status: 'active', count: '20' } });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer calendly-pat');
    expect(result).toEqual({
      event_uri: 'https://api.calendly.com/scheduled_events/EVT12345678',
      count: 1,
      invitees: [
        { name: 'Grace', email: 'grace@example.com', status: 'active', timezone: 'Europe/Paris', booked_at: '2025-04-20T10:00:00.000000Z', answers: [{ question: 'Topic?', answer: 'Compilers' }] },
      ],
      next_page_token: null,
    });
  });

  it('refuses an event URI on another host instead of sending the token there', async () => {
    await expect(runTool(calendlyInviteesTool, { event_uri: 'https://attacker.example/scheduled_events/EVT12345678' }, context())).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('event_uri must be a Calendly scheduled event URI'),
    });
    expect(api.requests).toHaveLength(0);
  });
});
