import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedAnswer, type ScriptedDouble } from '../scripted-double.js';
import { zoomMeetingTool } from './zoom-meeting.tool.js';

const credential = { account_id: 'acc-1', client_id: 'cid', client_secret: 'csecret' };
const basic = `Basic ${Buffer.from('cid:csecret').toString('base64')}`;
const meeting = { id: 85746065432, uuid: 'u==', topic: 'Planning', type: 2, start_time: '2025-03-01T15:00:00Z', duration: 45, timezone: 'Europe/Paris', join_url: 'https://zoom.us/j/85746065432?pwd=x', start_url: 'https://zoom.us/s/secret-host-link', password: 'abc123' };
const token: ScriptedAnswer = { json: { access_token: 'zoom-token', token_type: 'bearer', expires_in: 3599, scope: 'meeting:write' } };
let zoomDouble: ScriptedDouble;

beforeAll(async () => {
  zoomDouble = await startScriptedDouble();
});
afterAll(() => zoomDouble.close());
beforeEach(() => zoomDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://zoom.us', 'https://api.zoom.us'], origin: zoomDouble.origin, credentials: { zoom: values } });
}

/** Asserts the token exchange every call starts with. */
function expectTokenExchange(index = 0) {
  const request = zoomDouble.requests[index]!;
  expect(request).toMatchObject({ method: 'POST', path: '/oauth/token', query: { grant_type: 'account_credentials', account_id: 'acc-1' } });
  expect(request.headers.authorization).toBe(basic);
}

describe('zoom_meeting', () => {
  it('create: exchanges the app credentials for a token, then creates a scheduled meeting (no host link returned)', async () => {
    zoomDouble.answer(token, { status: 201, json: meeting });
    const output = await runTool(zoomMeetingTool, { action: 'create', topic: 'Planning', start_time: '2025-03-01T15:00:00Z', duration: 45, timezone: 'Europe/Paris', require_registration: true }, contextWith());
    expectTokenExchange();
    const create = zoomDouble.requests[1]!;
    expect(create).toMatchObject({ method: 'POST', path: '/v2/users/me/meetings' });
    expect(create.headers.authorization).toBe('Bearer zoom-token');
    expect(create.body).toEqual({ topic: 'Planning', type: 2, start_time: '2025-03-01T15:00:00Z', duration: 45, timezone: 'Europe/Paris', settings: { approval_type: 0 } });
    expect(output.result).toEqual({ created: true, id: meeting.id, topic: 'Planning', startTime: meeting.start_time, durationMinutes: 45, timezone: 'Europe/Paris', joinUrl: meeting.join_url, password: 'abc123' });
    expect(JSON.stringify(output.result)).not.toContain('secret-host-link');
  });

  it('list: upcoming meetings with page_size, counting what Zoom has beyond the page', async () => {
    zoomDouble.answer(token, { json: { page_size: 2, total_records: 5, next_page_token: 'n', meetings: [meeting, { ...meeting, id: 2, topic: 'Retro' }] } });
    const output = await runTool(zoomMeetingTool, { action: 'list', limit: 2 }, contextWith());
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'GET', path: '/v2/users/me/meetings', query: { type: 'upcoming', page_size: '2' } });
    expect(output.result).toMatchObject({ count: 2, total: 5, truncated: true, meetings: [{ id: meeting.id }, { id: 2, topic: 'Retro' }] });
  });

  it('get and register a meeting', async () => {
    zoomDouble.answer(token, { json: meeting });
    expect((await runTool(zoomMeetingTool, { action: 'get', meeting_id: '857 4606 5432' }, contextWith())).result).toMatchObject({ id: meeting.id, topic: 'Planning' });
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'GET', path: '/v2/meetings/85746065432' });
    zoomDouble.reset();
    zoomDouble.answer(token, { status: 201, json: { id: meeting.id, registrant_id: 'r-9', join_url: 'https://zoom.us/w/85746065432?tk=t', topic: 'Planning' } });
    const output = await runTool(zoomMeetingTool, { action: 'register', meeting_id: 85746065432, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' }, contextWith());
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'POST', path: '/v2/meetings/85746065432/registrants', body: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' } });
    expect(output.result).toEqual({ registered: true, registrantId: 'r-9', joinUrl: 'https://zoom.us/w/85746065432?tk=t', topic: 'Planning' });
  });

  it('webinars: create, list, get and register call the webinar endpoints', async () => {
    zoomDouble.answer(token, { status: 201, json: { ...meeting, type: 5 } });
    await runTool(zoomMeetingTool, { action: 'create_webinar', topic: 'Launch', start_time: '2025-04-01T10:00:00Z' }, contextWith());
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'POST', path: '/v2/users/me/webinars', body: { topic: 'Launch', type: 5, start_time: '2025-04-01T10:00:00Z', duration: 60 } });
    zoomDouble.reset();
    zoomDouble.answer(token, { json: { total_records: 1, webinars: [meeting] } });
    expect((await runTool(zoomMeetingTool, { action: 'list_webinars' }, contextWith())).result).toMatchObject({ webinars: [{ id: meeting.id }], truncated: false });
    expect(zoomDouble.requests[1]).toMatchObject({ path: '/v2/users/me/webinars', query: { page_size: '30' } });
    zoomDouble.reset();
    zoomDouble.answer(token, { json: meeting });
    await runTool(zoomMeetingTool, { action: 'get_webinar', webinar_id: '91234' }, contextWith());
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'GET', path: '/v2/webinars/91234' });
    zoomDouble.reset();
    zoomDouble.answer(token, { status: 201, json: { registrant_id: 'w-1' } });
    await runTool(zoomMeetingTool, { action: 'register_webinar', webinar_id: '91234', email: 'b@example.com', first_name: 'Bo' }, contextWith());
    expect(zoomDouble.requests[1]).toMatchObject({ method: 'POST', path: '/v2/webinars/91234/registrants', body: { email: 'b@example.com', first_name: 'Bo' } });
  });

  it('names the fields when Zoom refuses the app credentials, and reports an expired token as refused', async () => {
    zoomDouble.answer({ status: 400, json: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } });
    await expect(runTool(zoomMeetingTool, { action: 'list' }, contextWith())).rejects.toThrow(/Zoom refused the app credentials \(account_id, client_id, client_secret\)/);
    zoomDouble.reset();
    zoomDouble.answer(token, { status: 401, json: { code: 124, message: 'Invalid access token.' } });
    await expect(runTool(zoomMeetingTool, { action: 'list' }, contextWith())).rejects.toThrow(/Zoom refused the credential \(401\): Invalid access token/);
  });

  it('waits out a 429 with Retry-After and calls again once', async () => {
    zoomDouble.answer(token, { status: 429, headers: { 'retry-after': '1' }, json: { code: 429, message: 'You have reached the maximum per-second rate limit' } }, { json: meeting });
    await runTool(zoomMeetingTool, { action: 'get', meeting_id: '1' }, contextWith());
    expect(zoomDouble.requests.map((request) => request.path)).toEqual(['/oauth/token', '/v2/meetings/1', '/v2/meetings/1']);
  });

  it('refuses an HTML page from the API', async () => {
    zoomDouble.answer(token, htmlAnswer);
    await expect(runTool(zoomMeetingTool, { action: 'get', meeting_id: '1' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('checks the credential and the arguments before sending anything', async () => {
    await expect(runTool(zoomMeetingTool, { action: 'list' }, contextWith({ account_id: 'a', client_id: 'c' }))).rejects.toThrow(/"client_secret"/);
    await expect(runTool(zoomMeetingTool, { action: 'get' }, contextWith())).rejects.toThrow(/get action needs meeting_id/);
    await expect(runTool(zoomMeetingTool, { action: 'register', meeting_id: '1', first_name: 'A' }, contextWith())).rejects.toThrow(/needs email/);
    await expect(runTool(zoomMeetingTool, { action: 'create' }, contextWith())).rejects.toThrow(/needs topic/);
    expect(zoomDouble.requests).toHaveLength(0);
  });
});
