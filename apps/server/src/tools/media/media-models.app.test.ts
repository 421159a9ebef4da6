import type { Provider, SessionResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { registerAdmin } from '../../test/factories.js';
import { startOpenAiDouble, type OpenAiMediaDouble } from '../../test/llm-doubles/openai-double.js';
import { createTinyPng, readTinyPng } from '../../test/tiny-png.js';

// The app as main.ts builds it: an admin adds an image provider over the API, and app.mediaModels uses it.

let app: TestApp;
let double: OpenAiMediaDouble;
let admin: SessionResponse;

beforeAll(async () => {
  double = await startOpenAiDouble({ apiKey: 'sk-app-images', models: ['dall-e-3'] });
  app = await createTestApp();
  admin = await registerAdmin(app);
});
afterAll(async () => {
  await app.close();
  await double.close();
});

describe('app.mediaModels', () => {
  it('generates an image with the provider an admin flagged "image only"', async () => {
    const headers = { authorization: `Bearer ${admin.accessToken}` };
    const created = await app.http.inject({
      method: 'POST', url: '/api/admin/providers', headers,
      payload: { name: 'Images', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: 'sk-app-images', flags: { imageOnly: true } },
    });
    expect(created.statusCode).toBe(201);
    const provider = created.json<{ provider: Provider }>().provider;
    expect((await app.http.inject({ method: 'POST', url: `/api/admin/providers/${provider.id}/fetch-models`, headers })).statusCode).toBe(200);

    double.setImageScenario({ kind: 'images', images: [createTinyPng(3, 1, [9, 9, 9])] });
    const result = await app.mediaModels.generateImage(admin.user.id, { prompt: 'A grey line', size: '1024x1024' });
    expect(result.model).toBe('dall-e-3');
    expect(readTinyPng(result.images[0]!.data)).toEqual({ width: 3, height: 1, firstPixel: [9, 9, 9] });
    expect(double.requests.at(-1)?.body).toMatchObject({ model: 'dall-e-3', prompt: 'A grey line', size: '1024x1024' });
    expect(app.logLines.join('\n')).not.toContain('A grey line');
  });
});
