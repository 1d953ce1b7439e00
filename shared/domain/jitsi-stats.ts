import type { StatsReading } from './activity.js';

/** What one HTTP GET of a stats endpoint produced: a response (any status) or a failure (timeout, refused). */
export type HttpAnswer =
  | { kind: 'response'; status: number; contentType?: string; body: string }
  | { kind: 'failed'; reason: string };

type Json = Record<string, unknown>;

/**
 * Jicofo `GET :8888/stats`, the primary signal: it counts every participant in the MUC, including one
 * person waiting alone and both sides of a P2P call. Field names vary by version, so this reads leniently
 * and says "unknown" (never zero) when the answer is not recognisable stats.
 */
export function parseJicofoStats(answer: HttpAnswer): StatsReading {
  const json = statsObject(answer);
  if (typeof json === 'string') return { ok: false, reason: json };
  const members = count(json.participants) ?? sizesTotal(json.conference_sizes);
  if (members === undefined) return { ok: false, reason: 'Jicofo stats without a participant count' };
  // Visitors (large-meeting mode) are people watching: present, even if not MUC members.
  const participants = members + (count(json.visitors) ?? 0);
  const jibri = isObject(json.jibri) ? json.jibri : {};
  const recording = ['recording_active', 'live_streaming_active', 'sip_call_active'].some((k) => active(jibri[k]) || active(json[k]));
  return { ok: true, participants, conferences: count(json.conferences) ?? (participants > 0 ? 1 : 0), recording };
}

/**
 * JVB `GET :8080/colibri/stats` or `GET :8080/metrics` (JSON), the secondary signal: it shows 0 while one
 * person waits alone and during P2P calls, because no media flows through the bridge.
 */
export function parseJvbStats(answer: HttpAnswer): StatsReading {
  const json = statsObject(answer);
  if (typeof json === 'string') return { ok: false, reason: json };
  const candidates = [json.participants, json.endpoints, json.current_endpoints, json.local_endpoints]
    .map(count)
    .filter((n): n is number => n !== undefined);
  const participants = candidates.length > 0 ? Math.max(...candidates) : sizesTotal(json.conference_sizes);
  if (participants === undefined) return { ok: false, reason: 'bridge stats without an endpoint count' };
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

/** Older versions report Jibri sessions as counts, newer ones as booleans. */
function active(value: unknown): boolean {
  return value === true || value === 'true' || (count(value) ?? 0) > 0;
}

/** `conference_sizes[i]` = conferences with i participants (legacy payloads); a lower bound on participants. */
function sizesTotal(value: unknown): number | undefined {
  if (!Array.isArray(value)) return undefined;
  const sizes = value.map(count);
  if (sizes.some((n) => n === undefined)) return undefined;
  return sizes.reduce<number>((total, n, size) => total + size * n!, 0);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
