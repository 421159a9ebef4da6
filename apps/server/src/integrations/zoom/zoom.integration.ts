import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { zoom, zoomAccessToken, zoomApi, zoomRequiredFields } from './zoom-api.js';
import { zoomMeetingTool } from './zoom-meeting.tool.js';

/**
 * Zoom with a Server-to-Server OAuth app. The credential test exchanges the app credentials for a token and reads
 * the account's own user (`GET /users/me`).
 */
export const zoomIntegration = defineIntegration({
  id: zoom.id,
  name: zoom.name,
  description: 'Create and list Zoom meetings and webinars and register attendees.',
  icon: 'Video',
  category: 'communication',
  docsUrl: 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/',
  fields: [
    { key: 'account_id', label: 'Account ID', type: 'text', required: true, placeholder: 'Account ID of the Server-to-Server OAuth app', helpText: 'Zoom App Marketplace → Develop → Build App → Server-to-Server OAuth → App Credentials.', sensitive: false },
    { key: 'client_id', label: 'Client ID', type: 'text', required: true, placeholder: 'Client ID', sensitive: false },
    { key: 'client_secret', label: 'Client Secret', type: 'api_key', required: true, placeholder: 'Client secret', helpText: 'Give the app the meeting:write, meeting:read, webinar:write, webinar:read and user:read scopes.', sensitive: true },
  ],
  tools: [zoomMeetingTool],
  async test(values, context) {
    const token = await zoomAccessToken(context, requireValues(values, zoom, zoomRequiredFields));
    const user = await zoomApi<{ email?: string; first_name?: string; last_name?: string; account_id?: string }>(context, token, { path: '/users/me' });
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return { message: `Connected to Zoom as ${user.email ?? name}${name && user.email ? ` (${name})` : ''}.`, details: { accountId: user.account_id } };
  },
});
