import { compactUtc, MINUTE_MS, parseCompactUtc, parseIsoInstant } from './iso-time.js';

/**
 * Pre-warm: wake the group ahead of a planned meeting. Pure rules for the start time, the schedule's name
 * (derived from the start, so asking twice for the same meeting creates one schedule) and its event.
 */
export interface PrewarmSettings {
  leadMinutes: number;
  maxDaysAhead: number;
}

export const PREWARM_PREFIX = 'prewarm-';
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A pre-warm delivered this long after the meeting started is a stale retry and wakes nothing. */
export const PREWARM_STALE_AFTER_MS = 60 * MINUTE_MS;

export type PrewarmPlan =
  | { ok: true; id: string; start: Date; wakeAt: Date; wakeNow: boolean }
  | { ok: false; reason: string };

export function planPrewarm(startText: unknown, now: Date, settings: PrewarmSettings): PrewarmPlan {
  const parsed = parseIsoInstant(startText);
  if (!parsed.ok) return { ok: false, reason: `start: ${parsed.reason}` };
  // Scheduler works in whole seconds; the name does too.
  const start = new Date(Math.floor(parsed.at.getTime() / 1000) * 1000);
  if (start.getTime() <= now.getTime()) {
    return { ok: false, reason: `start ${start.toISOString()} is in the past (now ${now.toISOString()})` };
  }
  if (start.getTime() - now.getTime() > settings.maxDaysAhead * DAY_MS) {
    return { ok: false, reason: `start ${start.toISOString()} is more than ${settings.maxDaysAhead} days ahead` };
  }
  const wakeAt = new Date(start.getTime() - settings.leadMinutes * MINUTE_MS);
  // Within the lead time there is nothing to schedule: the meeting needs the group now.
  const wakeNow = wakeAt.getTime() < now.getTime() + MINUTE_MS;
  return { ok: true, id: prewarmId(start), start, wakeAt: wakeNow ? now : wakeAt, wakeNow };
}

export function prewarmId(start: Date): string {
  return `${PREWARM_PREFIX}${compactUtc(start)}`;
}

/** The meeting start encoded in an id, or undefined when `id` is not a pre-warm id (never touch others). */
export function parsePrewarmId(id: string): Date | undefined {
  return id.startsWith(PREWARM_PREFIX) ? parseCompactUtc(id.slice(PREWARM_PREFIX.length)) : undefined;
}

export interface PrewarmEvent {
  action: 'prewarm';
  start: Date;
}

export function prewarmInput(id: string, start: Date, wakeAt: Date): Record<string, unknown> {
  return { action: 'prewarm', id, start: start.toISOString(), wakeAt: wakeAt.toISOString() };
}

export function parsePrewarmEvent(raw: unknown): { ok: true; event: PrewarmEvent } | { ok: false; reason: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'event is not a JSON object' };
  const e = raw as Record<string, unknown>;
  if (e.action !== 'prewarm') return { ok: false, reason: `action must be "prewarm" (got ${JSON.stringify(e.action) ?? 'nothing'})` };
  const start = parseIsoInstant(e.start);
  if (!start.ok) return { ok: false, reason: `start: ${start.reason}` };
  return { ok: true, event: { action: 'prewarm', start: start.at } };
}
