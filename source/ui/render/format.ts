/**
 * How times and counts read on screen. Times are local and to the minute: a list column needs
 * the day and the hour, not seconds or a zone. Relative ages use the app's injected clock so
 * tests and screenshots are stable.
 */

/** `2026-01-01 12:00` in the local zone; `-` when unknown. */
export function shortTime(date: Date | undefined): string {
  if (!date) return '-';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2026-01-01 12:00:05`: the audit trail orders events within a minute too. */
export function longTime(date: Date | undefined): string {
  if (!date) return '-';
  return `${shortTime(date)}:${String(date.getSeconds()).padStart(2, '0')}`;
}

/** `3 days ago`, `just now`, `in 5 days` (deletion dates lie ahead). */
export function age(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const future = seconds < 0;
  const span = Math.abs(seconds);
  if (span < 60) return 'just now';
  const units: [number, string][] = [[86_400 * 365, 'year'], [86_400 * 30, 'month'], [86_400, 'day'], [3_600, 'hour'], [60, 'minute']];
  for (const [size, unit] of units) {
    if (span >= size) {
      const n = Math.floor(span / size);
      const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return future ? `in ${text}` : `${text} ago`;
    }
  }
  return 'just now';
}

/**
 * `12,345`: counts in the loading line and folder rows. Grouped by hand: the first
 * `toLocaleString` of a process loads ICU's number formatting, a few milliseconds of start-up.
 */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The last part of an ARN or path: `user/admin` of an IAM ARN, a key id of a key ARN. */
export function shortArn(arn: string | undefined): string {
  if (!arn) return '-';
  const colon = arn.lastIndexOf(':');
  return colon >= 0 && arn.startsWith('arn:') ? arn.slice(colon + 1) : arn;
}
