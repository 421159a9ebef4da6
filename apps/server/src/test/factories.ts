import type { SessionResponse } from '@claraverse/shared';
import type { ClaraVerseApp } from '../app.js';

let sequence = 0;

/** A unique email for one test. */
export function uniqueEmail(prefix = 'user'): string {
  sequence += 1;
  return `${prefix}.${Date.now().toString(36)}.${sequence}@example.test`;
}

/** A password that passes the common-password check. */
export const goodPassword = 'correct horse battery staple 42';

/** Registers a user over HTTP and returns the answer (201 session or 202 pending). */
export async function registerUser(app: ClaraVerseApp, body: { email?: string; password?: string; name?: string } = {}) {
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email: body.email ?? uniqueEmail(), password: body.password ?? goodPassword, ...(body.name ? { name: body.name } : {}) },
  });
  return response;
}

/** Registers the first user (the admin) and returns its session. */
export async function registerAdmin(app: ClaraVerseApp, email = uniqueEmail('admin')): Promise<SessionResponse> {
  const response = await registerUser(app, { email, name: 'Ada Admin' });
  if (response.statusCode !== 201) throw new Error(`admin registration failed: ${response.statusCode} ${response.body}`);
  return response.json<SessionResponse>();
}

/** Signs in over HTTP and returns the session; throws on failure. */
export async function signIn(app: ClaraVerseApp, email: string, password = goodPassword): Promise<SessionResponse> {
  const response = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return response.json<SessionResponse>();
}

/** Authorization header for an access token. */
export function bearer(accessToken: string): { authorization: string } {
  return { authorization: `Bearer ${accessToken}` };
}

/** Sets the registration mode as the admin. */
export async function setRegistrationMode(app: ClaraVerseApp, adminToken: string, registrationMode: 'open' | 'approval' | 'closed') {
  const response = await app.http.inject({ method: 'PUT', url: '/api/admin/settings', headers: bearer(adminToken), payload: { registrationMode } });
  if (response.statusCode !== 200) throw new Error(`settings failed: ${response.statusCode} ${response.body}`);
}
