import { z } from 'zod';
import { registrationModes } from './auth.contract.js';

/** One allow-list entry: a host name, an IP address or a CIDR range, optionally a host with a port. */
export const outboundAllowlistEntrySchema = z
  .string()
  .trim()
  .min(1, 'An entry cannot be empty')
  .max(260, 'An entry is at most 260 characters')
  .regex(/^[^\s,]+$/, 'One host, IP address or CIDR range per entry, without spaces or commas');

/** Instance settings an admin edits at run time (stored in the database, not in env). */
export const instanceSettingsSchema = z.object({
  registrationMode: z.enum(registrationModes),
  instanceName: z.string().trim().min(1).max(80),
  /** May users add their own providers with their own API keys (bring your own key)? */
  byokEnabled: z.boolean(),
  /**
   * Hosts and CIDRs that tools, scraping, downloads and webhooks may reach even though they are private
   * (`10.0.0.0/8`, `searx.lan`, `*.corp.example`, `localhost:8080`); added to `OUTBOUND_ALLOWLIST`.
   * The server checks each entry's syntax exactly.
   */
  outboundAllowlist: z.array(outboundAllowlistEntrySchema).max(100, 'Keep the allow-list to 100 entries or fewer'),
});
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

export const defaultInstanceSettings: InstanceSettings = {
  registrationMode: 'approval',
  instanceName: 'ClaraVerse',
  byokEnabled: true,
  outboundAllowlist: [],
};

export const updateInstanceSettingsBodySchema = z
  .strictObject(instanceSettingsSchema.shape)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one setting to change' });
export type UpdateInstanceSettingsBody = z.infer<typeof updateInstanceSettingsBodySchema>;

export const instanceSettingsResponseSchema = z.object({ settings: instanceSettingsSchema });
