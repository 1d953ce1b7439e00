/**
 * Local times that a daylight-saving change skips or repeats. EventBridge Scheduler skips a cron run whose
 * local time does not exist that day (spring forward) and, in the repeated hour (fall back), the time
 * happens twice: the nightly power-down must sit outside both windows in its zone, every day.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/**
 * Offsets are sampled weekly and each change is then pinned to the minute: two changes less than a week
 * apart would cancel out unseen (no zone in the IANA database has such a pair in the coming years).
 */
const STEP_MS = 7 * DAY_MS;

export interface WallClockClash {
  /** The local date (YYYY-MM-DD) on which the time is skipped or repeated. */
  date: string;
  kind: 'skipped' | 'repeated';
  /** The local window, e.g. "02:00-03:00". */
  window: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at an instant (whole minutes). */
function offsetMinutes(zone: string, at: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((wall - at) / MINUTE_MS);
}

const hhmm = (wallMs: number) => new Date(wallMs).toISOString().slice(11, 16);

/**
 * Every day within `years` after `from` on which the local time `HH:MM` is skipped or repeated in `zone`.
 * Wall-clock instants are handled as "local time written as UTC" milliseconds.
 */
export function wallClockClashes(time: string, zone: string, from: Date, years: number): WallClockClash[] {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const start = Math.floor(from.getTime() / MINUTE_MS) * MINUTE_MS;
  const end = start + Math.ceil(years * 365.25) * DAY_MS;
  const clashes: WallClockClash[] = [];
  let before = start;
  let offset = offsetMinutes(zone, before);
  for (let at = start + STEP_MS; at <= end + STEP_MS; at += STEP_MS) {
    const next = offsetMinutes(zone, at);
    if (next !== offset) {
      // Binary search for the first minute with the new offset.
      let lo = before;
      let hi = at;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetMinutes(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      const after = offsetMinutes(zone, hi);
      const windowStart = hi + Math.min(offset, after) * MINUTE_MS;
      const windowEnd = hi + Math.max(offset, after) * MINUTE_MS;
      for (let day = Math.floor(windowStart / DAY_MS) * DAY_MS; day < windowEnd; day += DAY_MS) {
        const candidate = day + (hours * 60 + minutes) * MINUTE_MS;
        if (candidate >= windowStart && candidate < windowEnd && hi <= end) {
          clashes.push({ date: new Date(day).toISOString().slice(0, 10), kind: after > offset ? 'skipped' : 'repeated', window: `${hhmm(windowStart)}-${hhmm(windowEnd)}` });
        }
      }
    }
    before = at;
    offset = next;
  }
  return clashes;
}
