import { formatDateTime } from '../../../lib/format-date';

/**
 * How long ago an ISO timestamp was, short: "just now", "4 min ago", "3 h ago", "2 days ago", then the date.
 * A time slightly in the future (clock skew between server and browser) counts as "just now".
 */
export function formatTimeAgo(isoDate: string, now: number = Date.now()): string {
  const then = Date.parse(isoDate);
  if (Number.isNaN(then)) return isoDate;
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return days === 1 ? 'yesterday' : `${days} days ago`;
  return formatDateTime(isoDate);
}
