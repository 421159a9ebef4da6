import {
  defaultInstanceSettings,
  instanceSettingsSchema,
  type InstanceSettings,
  type UpdateInstanceSettingsBody,
} from '@claraverse/shared';
import type { AuditService } from '../audit/audit.service.js';
import { ValidationError } from '../platform/errors/app-error.js';
import { parseAllowlistEntry } from '../platform/outbound-http/allowlist.js';
import type { SettingsRepository } from './settings.repository.js';

const keyPrefix = 'instance.';
const settingKeys = Object.keys(defaultInstanceSettings).map((name) => keyPrefix + name);

/** The contract checks the shape; the guard's own parser decides whether an entry means anything. */
function assertValidAllowlist(entries: readonly string[]): void {
  const issues = entries.flatMap((entry, index) => {
    try {
      parseAllowlistEntry(entry);
      return [];
    } catch (error) {
      return [{ path: `outboundAllowlist.${index}`, message: (error as Error).message }];
    }
  });
  if (issues.length > 0) throw new ValidationError(`The outbound allow-list has ${issues.length === 1 ? 'an entry' : 'entries'} that cannot be used: ${issues.map((issue) => issue.message).join('; ')}.`, issues);
}

/** Instance settings an admin edits at run time: stored values over defaults. */
export function createSettingsService(deps: { settingsRepository: SettingsRepository; auditService: AuditService; now: () => Date }) {
  const updateListeners = new Set<(settings: InstanceSettings) => void>();

  async function getInstanceSettings(): Promise<InstanceSettings> {
    const stored = await deps.settingsRepository.getAll(settingKeys);
    const merged: Record<string, unknown> = { ...defaultInstanceSettings };
    for (const [key, value] of stored) merged[key.slice(keyPrefix.length)] = JSON.parse(value) as unknown;
    // A value written by an older version that no longer fits falls back to the default.
    const parsed = instanceSettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : defaultInstanceSettings;
  }

  return {
    getInstanceSettings,

    /** Calls `listener` after each change in this process (e.g. to drop a cached allow-list). */
    onInstanceSettingsUpdated(listener: (settings: InstanceSettings) => void): void {
      updateListeners.add(listener);
    },

    async updateInstanceSettings(changes: UpdateInstanceSettingsBody, actor: { userId: string; ip: string }): Promise<InstanceSettings> {
      if (changes.outboundAllowlist) assertValidAllowlist(changes.outboundAllowlist);
      const before = await getInstanceSettings();
      const entries = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => ({ key: keyPrefix + name, value: JSON.stringify(value) }));
      await deps.settingsRepository.setMany(entries, deps.now().toISOString(), actor.userId);
      const after = await getInstanceSettings();
      for (const listener of updateListeners) listener(after);
      await deps.auditService.record({
        actorUserId: actor.userId,
        action: 'admin.settings-updated',
        targetType: 'settings',
        ip: actor.ip,
        details: { before, after },
      });
      return after;
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
