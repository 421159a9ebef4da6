import {
  defaultInstanceSettings,
  instanceSettingsSchema,
  type InstanceSettings,
  type UpdateInstanceSettingsBody,
} from '@claraverse/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { SettingsRepository } from './settings.repository.js';

const keyPrefix = 'instance.';
const settingKeys = Object.keys(defaultInstanceSettings).map((name) => keyPrefix + name);

/** Instance settings an admin edits at run time: stored values over defaults. */
export function createSettingsService(deps: { settingsRepository: SettingsRepository; auditService: AuditService; now: () => Date }) {
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

    async updateInstanceSettings(changes: UpdateInstanceSettingsBody, actor: { userId: string; ip: string }): Promise<InstanceSettings> {
      const before = await getInstanceSettings();
      const entries = Object.entries(changes)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => ({ key: keyPrefix + name, value: JSON.stringify(value) }));
      await deps.settingsRepository.setMany(entries, deps.now().toISOString(), actor.userId);
      const after = await getInstanceSettings();
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
