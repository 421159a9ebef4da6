import {
  authStatusResponseSchema,
  changePasswordBodySchema,
  loginBodySchema,
  logoutBodySchema,
  pendingRegistrationResponseSchema,
  refreshBodySchema,
  refreshCookieName,
  registerBodySchema,
  sessionResponseSchema,
  tokenPairSchema,
  userResponseSchema,
} from '@claraverse/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../platform/errors/app-error.js';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { AuthService } from './auth.service.js';

const cookiePath = '/api/auth';

function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(refreshCookieName, token, {
    path: cookiePath,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

/** `/api/auth/*`: status, register, login, refresh, logout, me, password. */
export function authRoutes(deps: { authService: AuthService; refreshTtlSeconds: number; authRateLimitPerMinute: number }): RouteSpec[] {
  const { authService } = deps;
  const limit = deps.authRateLimitPerMinute;
  return [
    defineRoute({
      method: 'GET', url: '/api/auth/status', summary: 'Whether the instance has users, and how registration works', tags: ['auth'], auth: 'public',
      responses: { 200: authStatusResponseSchema },
      handler: () => authService.status(),
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/register', summary: 'Create an account (the first one becomes the admin)', tags: ['auth'], auth: 'public',
      body: registerBodySchema, rateLimitPerMinute: limit,
      responses: { 201: sessionResponseSchema, 202: pendingRegistrationResponseSchema },
      handler: async ({ body, request, reply }) => {
        const result = await authService.register(body, { ip: request.ip });
        if (result.kind === 'pending') {
          reply.status(202);
          return { user: result.user };
        }
        setRefreshCookie(request, reply, result.session.refreshToken, deps.refreshTtlSeconds);
        return result.session;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/login', summary: 'Sign in with email and password', tags: ['auth'], auth: 'public',
      body: loginBodySchema, rateLimitPerMinute: limit,
      responses: { 200: sessionResponseSchema },
      handler: async ({ body, request, reply }) => {
        const session = await authService.login(body, { ip: request.ip });
        setRefreshCookie(request, reply, session.refreshToken, deps.refreshTtlSeconds);
        return session;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/refresh', summary: 'Exchange a refresh token (body or cookie) for a new pair', tags: ['auth'], auth: 'public',
      body: refreshBodySchema, rateLimitPerMinute: limit,
      responses: { 200: tokenPairSchema },
      handler: async ({ body, request, reply }) => {
        const token = body.refreshToken ?? request.cookies[refreshCookieName];
        if (!token) throw new UnauthenticatedError('No refresh token: send it in the body or the cookie');
        const pair = await authService.refresh(token, { ip: request.ip });
        setRefreshCookie(request, reply, pair.refreshToken, deps.refreshTtlSeconds);
        return pair;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/logout', summary: 'End this session (its whole token family)', tags: ['auth'], auth: 'public',
      body: logoutBodySchema,
      responses: { 204: null },
      handler: async ({ body, request, reply }) => {
        await authService.logout(body.refreshToken ?? request.cookies[refreshCookieName], { ip: request.ip });
        void reply.clearCookie(refreshCookieName, { path: cookiePath });
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/auth/me', summary: 'The signed-in user', tags: ['auth'], auth: 'user',
      responses: { 200: userResponseSchema },
      handler: async ({ user }) => ({ user: await authService.me(user.id) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/auth/password', summary: 'Change the password; ends every other session', tags: ['auth'], auth: 'user',
      body: changePasswordBodySchema, rateLimitPerMinute: limit,
      responses: { 200: tokenPairSchema },
      handler: async ({ body, user, request, reply }) => {
        const pair = await authService.changePassword(user.id, body, { ip: request.ip });
        setRefreshCookie(request, reply, pair.refreshToken, deps.refreshTtlSeconds);
        return pair;
      },
    }),
  ];
}
