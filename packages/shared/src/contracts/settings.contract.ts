import { z } from 'zod';
import { registrationModes } from './auth.contract.js';

/** Instance settings an admin edits at run time (stored in the database, not in env). */
export const instanceSettingsSchema = z.object({
  registrationMode: z.enum(registrationModes),
  instanceName: z.string().trim().min(1).max(80),
  /** May users add their own providers with their own API keys (bring your own key)? */
  byokEnabled: z.boolean(),
});
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

export const defaultInstanceSettings: InstanceSettings = {
  registrationMode: 'approval',
  instanceName: 'ClaraVerse',
  byokEnabled: true,
};

export const updateInstanceSettingsBodySchema = z
  .strictObject(instanceSettingsSchema.shape)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one setting to change' });
export type UpdateInstanceSettingsBody = z.infer<typeof updateInstanceSettingsBodySchema>;

export const instanceSettingsResponseSchema = z.object({ settings: instanceSettingsSchema });
