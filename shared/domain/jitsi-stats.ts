import type { StatsReading } from './activity.js';

/** What one HTTP GET of a stats endpoint produced: a response (any status) or a failure (timeout, refused). */
export type HttpAnswer =
  | { kind: 'response'; status: number; contentType?: string; body: string }
  | { kind: 'failed'; reason: string };

type Json = Record<string, unknown>;

/**
 * Jicofo `GET :8888/stats`, the primary signal (shape as of jicofo 7ebb13dc, test/fixtures/jitsi/README.md).
 * `participants` counts every participant in every conference, visitors included, and every conference as at
 * least 1 (a person waiting alone is 1; both sides of a P2P call are 2). It is read alone: adding `visitors`
 * would count them twice. Anything not recognisable as these stats is "unknown", never zero.
 */
export function parseJicofoStats(answer: HttpAnswer): StatsReading {
  const json = statsObject(answer);
  if (typeof json === 'string') return { ok: false, reason: json };
  const participants = count(json.participants);
  if (participants === undefined) return { ok: false, reason: 'Jicofo stats without a participant count' };
  const jibri = isObject(json.jibri) ? json.jibri : {};
  const recording = ['recording_active', 'live_streaming_active', 'sip_call_active'].some((k) => active(jibri[k]));
  const selector = isObject(json.bridge_selector) ? json.bridge_selector : {};
  const bridges = count(selector.operational_bridge_count);
  return {
    ok: true, participants, conferences: count(json.conferences) ?? (participants > 0 ? 1 : 0), recording,
    ...(bridges === undefined ? {} : { bridges }),
  };
}

/**
 * JVB `GET :8080/colibri/stats` or `GET :8080/metrics` (JSON), the secondary signal (shape as of jvb a29d97d1):
 * it shows 0 while one person waits alone (no bridge allocation before the second participant); a P2P call
 * shows its 2 endpoints.
 */
export function parseJvbStats(answer: HttpAnswer): StatsReading {
  const json = statsObject(answer);
  if (typeof json === 'string') return { ok: false, reason: json };
  const candidates = [json.participants, json.endpoints, json.current_endpoints, json.local_endpoints]
    .map(count)
    .filter((n): n is number => n !== undefined);
  if (candidates.length === 0) return { ok: false, reason: 'bridge stats without an endpoint count' };
  const participants = Math.max(...candidates);
  return { ok: true, participants, conferences: count(json.conferences) ?? (participants > 0 ? 1 : 0), recording: false };
}

function statsObject(answer: HttpAnswer): Json | string {
  if (answer.kind === 'failed') return answer.reason;
  if (answer.status !== 200) return `HTTP ${answer.status}`;
  const text = answer.body.trim();
  if (/^<(!doctype|html|\?xml|head|body)/i.test(text)) return `HTTP ${answer.status} with an HTML page instead of JSON stats`;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : 'JSON stats are not an object';
  } catch {
    return 'unparsable stats (not JSON)';
  }
}

/** A non-negative integer, also when an old version sends it as a string. */
function count(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Jibri sessions are counts (`recording_active: 1`); a boolean is accepted too, leniently. */
function active(value: unknown): boolean {
  return value === true || (count(value) ?? 0) > 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
