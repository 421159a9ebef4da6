import { formatDateTime } from '../../../lib/format-date';

/**
 * How long ago an ISO timestamp was, short: "just now", "12 s ago", "4 min ago", "3 h ago", then the date.
 * A time slightly in the future (clock skew between server and browser) counts as "just now".
 */
export function formatTimeAgo(isoDate: string, now: number): string {
  const then = Date.parse(isoDate);
  if (Number.isNaN(then)) return isoDate;
  const seconds = Math.floor((now - then) / 1000);
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDateTime(isoDate);
}
