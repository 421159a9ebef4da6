import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { requireCredential } from '../require-credential.js';
import { zoom, zoomAccessToken, zoomApi, zoomRequiredFields } from './zoom-api.js';

const actions = ['create', 'list', 'get', 'register', 'create_webinar', 'list_webinars', 'get_webinar', 'register_webinar'] as const;

interface ZoomSession {
  id: number;
  uuid?: string;
  topic: string;
  type?: number;
  start_time?: string;
  duration?: number;
  timezone?: string;
  agenda?: string;
  join_url?: string;
  start_url?: string;
  password?: string;
  registration_url?: string;
  status?: string;
}

interface ZoomPage {
  total_records?: number;
  next_page_token?: string;
  meetings?: ZoomSession[];
  webinars?: ZoomSession[];
}

interface ZoomRegistrant {
  id?: number;
  registrant_id: string;
  join_url?: string;
  topic?: string;
  start_time?: string;
}

/** What the model gets of a meeting or webinar (the host's start_url is left out: it signs the host in). */
function summarise(session: ZoomSession) {
  return {
    id: session.id,
    topic: session.topic,
    ...(session.start_time ? { startTime: session.start_time } : {}),
    ...(session.duration !== undefined ? { durationMinutes: session.duration } : {}),
    ...(session.timezone ? { timezone: session.timezone } : {}),
    ...(session.join_url ? { joinUrl: session.join_url } : {}),
    ...(session.password ? { password: session.password } : {}),
    ...(session.registration_url ? { registrationUrl: session.registration_url } : {}),
    ...(session.agenda ? { agenda: session.agenda } : {}),
    ...(session.status ? { status: session.status } : {}),
  };
}

function required<T>(value: T | undefined, name: string, action: string): T {
  if (value === undefined || value === '') throw new ValidationError(`The ${action} action needs ${name}.`);
  return value;
}

/**
 * One tool for Zoom meetings and webinars (reference: a single `zoom_meeting` with an `action`), over the REST
 * API v2 with a server-to-server OAuth token: create/list/get meetings and webinars, register attendees.
 */
export const zoomMeetingTool = defineTool({
  name: 'zoom_meeting',
  displayName: 'Zoom Meeting',
  description:
    'Manages Zoom meetings and webinars of the user\'s Zoom account. action: create (topic, start_time ISO 8601, ' +
    'duration minutes, timezone, agenda), list (upcoming meetings), get (meeting_id), register (meeting_id, email, ' +
    'first_name, last_name; the meeting must require registration), create_webinar, list_webinars, get_webinar ' +
    '(webinar_id), register_webinar (webinar_id, email, first_name, last_name). Returns ids, topics, times and join URLs.',
  icon: 'Video',
  category: 'integrations',
  integration: zoom.id,
  keywords: ['zoom', 'meeting', 'webinar', 'video', 'conference', 'call', 'register', 'attendee', 'schedule', 'invite'],
  inputSchema: z.object({
    action: z.enum(actions).describe('What to do'),
    meeting_id: z.union([z.string(), z.number()]).optional().describe('Meeting id (get, register)'),
    webinar_id: z.union([z.string(), z.number()]).optional().describe('Webinar id (get_webinar, register_webinar)'),
    topic: z.string().max(200).optional().describe('Title (create, create_webinar)'),
    start_time: z.string().max(40).optional().describe('Start, ISO 8601 like 2025-03-01T15:00:00 (with timezone) or ending in Z'),
    duration: z.number().int().min(1).max(1440).optional().describe('Minutes (default 60)'),
    timezone: z.string().max(60).optional().describe('IANA time zone, e.g. Europe/Paris'),
    agenda: z.string().max(2000).optional().describe('Description'),
    password: z.string().max(10).optional().describe('Passcode (max 10 characters)'),
    require_registration: z.boolean().optional().describe('create: attendees must register (needed for register)'),
    email: z.email().optional().describe('Registrant email (register, register_webinar)'),
    first_name: z.string().max(64).optional().describe('Registrant first name'),
    last_name: z.string().max(64).optional().describe('Registrant last name'),
    type: z.enum(['upcoming', 'scheduled', 'live', 'previous_meetings']).optional().describe('list: which meetings (default upcoming)'),
    limit: z.number().int().min(1).max(300).default(30).describe('list: how many (max 300)'),
  }),
  async execute(input, context) {
    const { action } = input;
    const sessionId = (value: string | number | undefined, name: string) => encodeURIComponent(String(required(value, name, action)).replace(/\s+/g, ''));
    const registrant = () => ({
      email: required(input.email, 'email', action),
      first_name: required(input.first_name, 'first_name', action),
      ...(input.last_name ? { last_name: input.last_name } : {}),
    });
    const schedule = (type: number) => ({
      topic: required(input.topic, 'topic', action),
      type,
      ...(input.start_time ? { start_time: input.start_time } : {}),
      duration: input.duration ?? 60,
      ...(input.timezone ? { timezone: input.timezone } : {}),
      ...(input.agenda ? { agenda: input.agenda } : {}),
      ...(input.password ? { password: input.password } : {}),
      ...(input.require_registration ? { settings: { approval_type: 0 } } : {}),
    });
    // Check the arguments before the token exchange, so a bad call sends nothing.
    const plan = {
      create: () => ({ method: 'POST', path: '/users/me/meetings', json: schedule(input.start_time ? 2 : 1) }),
      create_webinar: () => ({ method: 'POST', path: '/users/me/webinars', json: schedule(5) }),
      list: () => ({ method: 'GET', path: '/users/me/meetings', query: { type: input.type ?? 'upcoming', page_size: input.limit } }),
      list_webinars: () => ({ method: 'GET', path: '/users/me/webinars', query: { page_size: input.limit } }),
      get: () => ({ method: 'GET', path: `/meetings/${sessionId(input.meeting_id, 'meeting_id')}` }),
      get_webinar: () => ({ method: 'GET', path: `/webinars/${sessionId(input.webinar_id, 'webinar_id')}` }),
      register: () => ({ method: 'POST', path: `/meetings/${sessionId(input.meeting_id, 'meeting_id')}/registrants`, json: registrant() }),
      register_webinar: () => ({ method: 'POST', path: `/webinars/${sessionId(input.webinar_id, 'webinar_id')}/registrants`, json: registrant() }),
    }[action]();
    const values = await requireCredential(context, zoom, zoomRequiredFields);
    const token = await zoomAccessToken(context, values);
    const data = await zoomApi<ZoomSession & ZoomPage & ZoomRegistrant>(context, token, plan);
    if (action === 'list' || action === 'list_webinars') {
      const sessions = (action === 'list' ? data.meetings : data.webinars) ?? [];
      const total = data.total_records ?? sessions.length;
      return { result: { [action === 'list' ? 'meetings' : 'webinars']: sessions.map(summarise), count: sessions.length, total, truncated: total > sessions.length } };
    }
    if (action === 'register' || action === 'register_webinar') {
      return { result: { registered: true, registrantId: data.registrant_id, ...(data.join_url ? { joinUrl: data.join_url } : {}), ...(data.topic ? { topic: data.topic } : {}) } };
    }
    return { result: { ...(action.startsWith('create') ? { created: true } : {}), ...summarise(data) } };
  },
});
