const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Parses a duration such as `900`, `30s`, `15m`, `168h` or `7d` into whole seconds.
 * @returns seconds, or `null` when the text is not a duration.
 */
export function parseDurationSeconds(text: string): number | null {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2] || 's';
  const seconds = amount * (unitSeconds[unit] ?? 1);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : null;
}
