/**
 * Strict ISO 8601 instants for anything a person or a schedule hands us: a date, a time and an explicit
 * offset ("Z" or "+01:00"). A time without an offset is refused rather than guessed in some zone.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Longest piece of someone's input an error message repeats back. */
export const ECHO_MAX_CHARS = 64;

/** Input quoted for an error message, cut to ECHO_MAX_CHARS (a 60 KB value must not come back in full). */
export function quoteCapped(text: string, max = ECHO_MAX_CHARS): string {
  return text.length <= max ? `"${text}"` : `"${text.slice(0, max)}…" (${text.length} characters)`;
}

export type IsoCheck = { ok: true; at: Date } | { ok: false; reason: string };

export function parseIsoInstant(text: unknown): IsoCheck {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'a time is required, e.g. "2026-11-27T09:00:00+01:00"' };
  const m = ISO.exec(text.trim());
  if (!m) {
    const hint = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text.trim()) ? ' (add "Z" or a UTC offset such as "+01:00")' : '';
    return { ok: false, reason: `${quoteCapped(text)} is not an ISO 8601 time with a UTC offset${hint}` };
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const offset = m[8]!.toUpperCase();
  const offsetOk = offset === 'Z' || (Number(offset.slice(1, 3)) <= 18 && Number(offset.slice(4, 6)) < 60);
  // Date.UTC silently rolls 2026-02-30 over into March; compare the fields back to catch it.
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const fieldsOk = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
    && hour < 24 && minute < 60 && second < 60;
  const at = new Date(text.trim());
  if (!offsetOk || !fieldsOk || Number.isNaN(at.getTime())) return { ok: false, reason: `${quoteCapped(text)} is not a valid date and time` };
  return { ok: true, at };
}

/** "20261127T090000Z": an instant as a schedule-name-safe token (UTC, whole seconds). */
export function compactUtc(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function parseCompactUtc(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export const MINUTE_MS = 60_000;
