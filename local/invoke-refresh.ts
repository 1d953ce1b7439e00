/**
 * Sample events carry fixed times, so the handlers reject most of them as stale when run today (a
 * pre-warm for last week, an alarm from days ago). `npm run invoke` moves every time in the event by the
 * same amount so the event happens now, keeping the distances between its times; `--as-is` skips this.
 */
const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const COMPACT = /(\d{8}T\d{6}Z)/;
/** Fields that say when the event happened; the first one present lands on "now". */
const ANCHORS = ['time', 'scheduledTime', 'wakeAt'];
/** Without such a field (a power-down re-check), the deadline lands this far ahead. */
const DEADLINE_AHEAD_MS = 3_600_000;

export function refreshEvent(event: unknown, now: Date): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const top = event as Record<string, unknown>;
  const anchor = ANCHORS.map((k) => parseTime(top[k])).find((t) => t !== undefined);
  const deadline = parseTime(top.deadline);
  const shift = anchor !== undefined ? now.getTime() - anchor
    : deadline !== undefined ? now.getTime() + DEADLINE_AHEAD_MS - deadline
      : firstTime(event) !== undefined ? now.getTime() - firstTime(event)! : 0;
  // Whole seconds: pre-warm ids name their meeting time to the second.
  const seconds = Math.round(shift / 1000) * 1000;
  return seconds === 0 ? event : shiftTimes(event, seconds);
}

function shiftTimes(value: unknown, shift: number): unknown {
  if (typeof value === 'string') return shiftString(value, shift);
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, shift));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, shift)]));
  }
  return value;
}

function shiftString(text: string, shift: number): string {
  const iso = ISO.exec(text);
  if (iso) {
    const moved = new Date(Date.parse(text) + shift).toISOString();
    const withFraction = iso[2] ? moved : moved.replace(/\.\d{3}Z$/, 'Z');
    // Keep CloudWatch's "+0000" style where the fixture uses it.
    return iso[3] === 'Z' ? withFraction : withFraction.replace(/Z$/, '+0000');
  }
  // Pre-warm ids embed their meeting time (prewarm-20261127T090000Z).
  return text.replace(COMPACT, (compact) => {
    const t = Date.parse(compact.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    return Number.isNaN(t) ? compact : new Date(t + shift).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  });
}

function parseTime(value: unknown): number | undefined {
  return typeof value === 'string' && ISO.test(value) ? Date.parse(value) : undefined;
}

function firstTime(value: unknown): number | undefined {
  if (typeof value === 'string') return parseTime(value);
  const children = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [];
  for (const child of children) {
    const t = firstTime(child);
    if (t !== undefined) return t;
  }
  return undefined;
}
