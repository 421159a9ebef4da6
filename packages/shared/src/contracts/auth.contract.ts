import { z } from 'zod';
import { emailSchema } from './common.contract.js';
import { userNameSchema, userSchema } from './users.contract.js';

export const registrationModes = ['open', 'approval', 'closed'] as const;
export type RegistrationMode = (typeof registrationModes)[number];

/** Passwords: 8–256 characters, no composition rules (NIST 800-63B); common ones are refused by the server. */
export const passwordSchema = z
  .string()
  .min(8, { message: 'Use at least 8 characters' })
  .max(256, { message: 'Use at most 256 characters' });

export const authStatusResponseSchema = z.object({
  hasUsers: z.boolean(),
  registrationMode: z.enum(registrationModes),
  instanceName: z.string(),
});
export type AuthStatusResponse = z.infer<typeof authStatusResponseSchema>;

export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: userNameSchema.optional(),
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: 'Enter your password' }).max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Tokens issued at sign-in, registration and refresh. `expiresIn` is the access token's lifetime in seconds. */
export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number(),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const sessionResponseSchema = tokenPairSchema.extend({ user: userSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** 202 answer of a registration that waits for an admin's approval. */
export const pendingRegistrationResponseSchema = z.object({ user: userSchema });

/** The refresh token may come in the body or in the httpOnly cookie; the body may then be empty. */
export const refreshBodySchema = z.strictObject({ refreshToken: z.string().min(1).max(512).optional() });
export type RefreshBody = z.infer<typeof refreshBodySchema>;

export const logoutBodySchema = refreshBodySchema;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** Name of the httpOnly cookie that carries the refresh token (path `/api/auth`, SameSite=Strict). */
export const refreshCookieName = 'clv_refresh';
