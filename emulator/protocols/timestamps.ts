/** Timestamp wire formats of the AWS protocols. */
export function toIso8601(date: Date): string {
  return date.toISOString();
}

export function toEpochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

export function toRfc822(date: Date): string {
  return date.toUTCString();
}

/** Accepts any of the three formats on input, as AWS does. */
export function parseTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value !== 'string' || value === '') return undefined;
  const date = /^-?\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatTimestamp(date: Date, format: 'iso8601' | 'rfc822' | 'unixTimestamp'): string | number {
  if (format === 'unixTimestamp') return toEpochSeconds(date);
  if (format === 'rfc822') return toRfc822(date);
  return toIso8601(date);
}
