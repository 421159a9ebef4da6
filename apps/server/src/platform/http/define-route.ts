import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** Who may call a route: anyone, any signed-in active user, admins only, or a personal API key with a scope. */
export type AuthRequirement = 'public' | 'user' | 'admin' | 'api-key';

/** The caller as the authenticator resolved it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  role: 'user' | 'admin';
}

type Parsed<TSchema> = TSchema extends z.ZodType ? z.output<TSchema> : undefined;
type UserFor<TAuth extends AuthRequirement> = TAuth extends 'public' ? AuthenticatedUser | null : AuthenticatedUser;

/** What a handler receives: input already parsed with the shared schemas, and the caller. */
export interface RouteContext<TBody, TQuery, TParams, TAuth extends AuthRequirement> {
  body: Parsed<TBody>;
  query: Parsed<TQuery>;
  params: Parsed<TParams>;
  user: UserFor<TAuth>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One HTTP endpoint: its contract (schemas from `@claraverse/shared`) and a handler that calls one service
 * method. The same object feeds Fastify and the OpenAPI document.
 */
export interface RouteSpec<
  TBody extends z.ZodType | undefined = z.ZodType | undefined,
  TQuery extends z.ZodType | undefined = z.ZodType | undefined,
  TParams extends z.ZodType | undefined = z.ZodType | undefined,
  TAuth extends AuthRequirement = AuthRequirement,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  auth: TAuth;
  body?: TBody;
  query?: TQuery;
  params?: TParams;
  /** Status → response schema (`null` for no content). The first entry is the default status. */
  responses: Record<number, z.ZodType | null>;
  /** The scope an API key needs, for `auth: 'api-key'` routes. */
  apiKeyScope?: string;
  /** Requests per minute per IP for this route (stricter than the global limit). */
  rateLimitPerMinute?: number;
  /** Browsers on any origin may call it (CORS `*`, no cookies): routes authenticated by an API key, for other sites. */
  corsAnyOrigin?: boolean;
  handler(context: RouteContext<TBody, TQuery, TParams, TAuth>): Promise<unknown>;
}

/** Identity function that lets TypeScript infer a route's types from its schemas. */
export function defineRoute<
  TBody extends z.ZodType | undefined = undefined,
  TQuery extends z.ZodType | undefined = undefined,
  TParams extends z.ZodType | undefined = undefined,
  TAuth extends AuthRequirement = AuthRequirement,
>(spec: RouteSpec<TBody, TQuery, TParams, TAuth>): RouteSpec {
  return spec as unknown as RouteSpec;
}
