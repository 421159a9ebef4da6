import { z } from 'zod';
import { isoDateSchema, pageQuerySchema } from './common.contract.js';

export const userRoles = ['user', 'admin'] as const;
export const userStatuses = ['active', 'pending', 'disabled'] as const;
export type UserRole = (typeof userRoles)[number];
export type UserStatus = (typeof userStatuses)[number];

/** A user as every endpoint returns it: never the password hash. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(userRoles),
  status: z.enum(userStatuses),
  createdAt: isoDateSchema,
});
export type User = z.infer<typeof userSchema>;

/** Display name: optional, trimmed, 1–100 characters. */
export const userNameSchema = z.string().trim().min(1).max(100);

export const userResponseSchema = z.object({ user: userSchema });

/** Preferences (reference §1.3, camelCase). Every field optional on update; unknown fields are refused. */
export const userPreferencesSchema = z.strictObject({
  storeBuilderChatHistory: z.boolean(),
  defaultModelId: z.string().max(200).nullable(),
  toolPredictorModelId: z.string().max(200).nullable(),
  chatPrivacyMode: z.enum(['local', 'cloud']),
  theme: z.enum(['system', 'light', 'dark']),
  fontSize: z.enum(['small', 'medium', 'large']),
  memoryEnabled: z.boolean(),
  memoryExtractionThreshold: z.number().int().min(2).max(500),
  memoryMaxInjection: z.number().int().min(0).max(50),
  memoryExtractorModelId: z.string().max(200).nullable(),
  memorySelectorModelId: z.string().max(200).nullable(),
});
export type UserPreferences = z.infer<typeof userPreferencesSchema>;

export const defaultUserPreferences: UserPreferences = {
  storeBuilderChatHistory: true,
  defaultModelId: null,
  toolPredictorModelId: null,
  chatPrivacyMode: 'local',
  theme: 'system',
  fontSize: 'medium',
  memoryEnabled: false,
  memoryExtractionThreshold: 20,
  memoryMaxInjection: 5,
  memoryExtractorModelId: null,
  memorySelectorModelId: null,
};

export const updateUserPreferencesBodySchema = userPreferencesSchema.partial();
export type UpdateUserPreferencesBody = z.infer<typeof updateUserPreferencesBodySchema>;
export const userPreferencesResponseSchema = z.object({ preferences: userPreferencesSchema });

/** The phrase a user must type to delete their account. */
export const deleteAccountPhrase = 'delete my account';
export const deleteAccountBodySchema = z.strictObject({
  confirmation: z.literal(deleteAccountPhrase, {
    message: `Type "${deleteAccountPhrase}" to confirm`,
  }),
  password: z.string().min(1).max(256),
});
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;
export const deleteAccountResponseSchema = z.object({
  deleted: z.object({ user: z.literal(1), refreshTokens: z.number(), preferences: z.number() }),
});

/** PATCH /api/user/profile */
export const updateProfileBodySchema = z.strictObject({ name: userNameSchema.nullable() });
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

// --- admin --------------------------------------------------------------------------------------------------

export const listUsersQuerySchema = pageQuerySchema.extend({
  search: z.string().trim().max(254).optional(),
  status: z.enum(userStatuses).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const adminUserSchema = userSchema.extend({ lastLoginAt: isoDateSchema.nullable() });
export type AdminUser = z.infer<typeof adminUserSchema>;
export const listUsersResponseSchema = z.object({ users: z.array(adminUserSchema), total: z.number() });
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

export const updateUserBodySchema = z
  .strictObject({ role: z.enum(userRoles).optional(), status: z.enum(userStatuses).optional() })
  .refine((body) => body.role !== undefined || body.status !== undefined, {
    message: 'Give a role or a status to change',
  });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
export const adminUserResponseSchema = z.object({ user: adminUserSchema });

