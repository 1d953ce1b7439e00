import { MINUTE_MS, parseIsoInstant } from './iso-time.js';

/**
 * Operator holds with an expiry: `awake` keeps the automatic stop paths away until `until`; `asleep`
 * (maintenance) keeps every wake path away until `until`. One hold at a time, stored as one small JSON text
 * (an SSM String parameter in AWS). Holds end by themselves: an expired, unreadable or malformed hold is
 * ignored (and the log says so), so it can never block a stop or a wake for ever.
 */
export type HoldKind = 'awake' | 'asleep';

export interface Hold {
  kind: HoldKind;
  until: Date;
  setAt: Date;
  reason?: string;
  setBy?: string;
}

/** The stored value meaning "no hold" (an SSM parameter cannot be empty). */
export const NO_HOLD_TEXT = 'none';
/** Longest hold accepted: a forgotten hold still ends within a month and a half. */
export const MAX_HOLD_MS = 45 * 24 * 60 * MINUTE_MS;
const MAX_REASON = 200;
/** Standard-tier SSM parameters hold at most 4 KB; ours stay far below. */
export const MAX_HOLD_TEXT = 1024;

/** Port: where the one hold lives. `read` returns undefined when nothing is stored. */
export interface HoldStore {
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export type HoldState =
  | { kind: 'none' }
  | { kind: 'active'; hold: Hold }
  /** Present but not in force: expired, malformed or unreadable; `reason` says which. */
  | { kind: 'ignored'; reason: string; hold?: Hold };

export function serializeHold(hold: Hold): string {
  return JSON.stringify({
    kind: hold.kind, until: hold.until.toISOString(), setAt: hold.setAt.toISOString(),
    ...(hold.reason ? { reason: hold.reason } : {}), ...(hold.setBy ? { setBy: hold.setBy } : {}),
  });
}

/** What a stored text means at `now`. Never throws. */
export function holdStateOf(text: string | undefined, now: Date): HoldState {
  const trimmed = text?.trim();
  if (trimmed === undefined || trimmed === '' || trimmed === NO_HOLD_TEXT) return { kind: 'none' };
  const parsed = parseHoldText(trimmed);
  if (!parsed.ok) return { kind: 'ignored', reason: `malformed hold ignored: ${parsed.reason}` };
  const { hold } = parsed;
  if (hold.until.getTime() <= now.getTime()) return { kind: 'ignored', reason: `hold ${hold.kind} expired at ${hold.until.toISOString()}`, hold };
  return { kind: 'active', hold };
}

function parseHoldText(text: string): { ok: true; hold: Hold } | { ok: false; reason: string } {
  if (text.length > MAX_HOLD_TEXT) return { ok: false, reason: `longer than ${MAX_HOLD_TEXT} characters` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' };
  const o = raw as Record<string, unknown>;
  if (o.kind !== 'awake' && o.kind !== 'asleep') return { ok: false, reason: `kind must be "awake" or "asleep" (got ${JSON.stringify(o.kind) ?? 'nothing'})` };
  const until = parseIsoInstant(o.until);
  if (!until.ok) return { ok: false, reason: `until: ${until.reason}` };
  const setAt = parseIsoInstant(o.setAt);
  if (!setAt.ok) return { ok: false, reason: `setAt: ${setAt.reason}` };
  if (until.at.getTime() - setAt.at.getTime() > MAX_HOLD_MS) return { ok: false, reason: 'until lies more than 45 days after setAt' };
  const text_ = (v: unknown) => (typeof v === 'string' && v.length <= MAX_REASON ? v : undefined);
  return { ok: true, hold: { kind: o.kind, until: until.at, setAt: setAt.at, reason: text_(o.reason), setBy: text_(o.setBy) } };
}

export type HoldPlan = { ok: true; hold: Hold } | { ok: false; reason: string };

/**
 * A new hold from operator input. `until` is an ISO 8601 time with an offset or a duration from now
 * ("+90m", "+3h", "+2d"); it must lie in the future and at most 45 days ahead.
 */
export function planHold(kind: string, untilText: string | undefined, reason: string | undefined, now: Date, setBy?: string): HoldPlan {
  if (kind !== 'awake' && kind !== 'asleep') return { ok: false, reason: `hold kind must be "awake" or "asleep" (got "${kind}")` };
  const until = parseUntil(untilText, now);
  if (!until.ok) return until;
  if (until.at.getTime() <= now.getTime()) return { ok: false, reason: `--until ${until.at.toISOString()} is not in the future` };
  if (until.at.getTime() - now.getTime() > MAX_HOLD_MS) return { ok: false, reason: '--until may be at most 45 days ahead' };
  if (reason !== undefined && (reason.length > MAX_REASON || [...reason].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))) {
    return { ok: false, reason: `--reason must be at most ${MAX_REASON} printable characters` };
  }
  return { ok: true, hold: { kind, until: until.at, setAt: now, ...(reason ? { reason } : {}), ...(setBy ? { setBy } : {}) } };
}

const DURATION = /^\+(\d{1,5})(m|h|d)$/;
const UNIT_MS = { m: MINUTE_MS, h: 60 * MINUTE_MS, d: 24 * 60 * MINUTE_MS } as const;

function parseUntil(text: string | undefined, now: Date): { ok: true; at: Date } | { ok: false; reason: string } {
  if (text === undefined || text.trim() === '') return { ok: false, reason: '--until <time> is required (ISO 8601 with offset, or +90m / +3h / +2d)' };
  const d = DURATION.exec(text.trim());
  if (d) return { ok: true, at: new Date(now.getTime() + Number(d[1]) * UNIT_MS[d[2] as keyof typeof UNIT_MS]) };
  const iso = parseIsoInstant(text);
  return iso.ok ? iso : { ok: false, reason: `--until: ${iso.reason}; or a duration such as +90m, +3h, +2d` };
}

/** "awake until 2026-11-29T18:00:00Z (board meeting)". */
export function describeHold(hold: Hold): string {
  return `${hold.kind} until ${hold.until.toISOString().replace(/\.000Z$/, 'Z')}${hold.reason ? ` (${hold.reason})` : ''}`;
}
