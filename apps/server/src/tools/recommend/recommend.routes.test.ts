import type { RecommendToolsResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../test/factories.js';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await createTestApp();
  token = (await registerAdmin(app)).accessToken;
});
afterAll(() => app.close());

const recommend = (payload: unknown, headers: Record<string, string> = bearer(token)) =>
  app.http.inject({ method: 'POST', url: '/api/tools/recommend', headers, payload: payload as object });

describe('POST /api/tools/recommend', () => {
  it('needs a signed-in user', async () => {
    const response = await recommend({ name: 'Search' }, {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('recommends the registry tools whose words the block uses, best first, with the words that matched', async () => {
    const response = await recommend({
      name: 'News researcher',
      description: 'Finds the latest news',
      systemPrompt: 'Search the web for news about the company, then notify the team on Slack.',
      userPrompt: '{{input}}',
    });
    expect(response.statusCode).toBe(200);
    const { recommendations } = response.json<RecommendToolsResponse>();
    expect(recommendations.length).toBeGreaterThan(1);
    expect(recommendations.length).toBeLessThanOrEqual(5);
    expect(recommendations[0]).toMatchObject({ toolId: 'search_web', category: 'search' });
    expect(recommendations[0]!.matchedKeywords).toEqual(expect.arrayContaining(['news', 'search', 'web']));
    // An integration tool is recommended too (the picker marks it when its credential is missing).
    expect(recommendations.map((entry) => entry.toolId)).toContain('send_slack_message');
    const scores = recommendations.map((entry) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThan(0);
    // ask_user needs a person: never offered to a workflow block, even when the words fit.
    const interactive = await recommend({ systemPrompt: 'Ask the user a question to clarify and confirm the form' });
    expect(interactive.json<RecommendToolsResponse>().recommendations.map((entry) => entry.toolId)).not.toContain('ask_user');
  });

  it('honours the limit and answers an empty list for a block without meaningful words', async () => {
    const limited = await recommend({ systemPrompt: 'Search the web for news, make an image, read a PDF document, send a Slack message', limit: 2 });
    expect(limited.json<RecommendToolsResponse>().recommendations).toHaveLength(2);
    const empty = await recommend({ name: 'A' });
    expect(empty.json()).toEqual({ recommendations: [] });
  });

  it('refuses unknown fields and a limit out of range in the one error format', async () => {
    for (const payload of [{ name: 'x', prompt: 'y' }, { name: 'x', limit: 0 }, { name: 42 }]) {
      const response = await recommend(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });
});
