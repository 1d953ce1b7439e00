/**
 * What the operator CLI reports beyond the group's phase: the idle alarms and when they would fire, the
 * next nightly run. Pure functions over port readings; `ctl status` renders them.
 */
export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface IdleAlarmReading {
  /** `no-join` or `empty` (DESIGN invariant 5). */
  timer: 'no-join' | 'empty';
  name: string;
  state: AlarmStateValue;
  since?: Date;
  /** Consecutive empty periods needed (N of N). */
  periods: number;
  /** Length of one period: 60 s in AWS, the watcher interval in the local demo. */
  periodSeconds: number;
  /** Consecutive breaching (Participants = 0) periods ending now; a gap (no datapoint) ends the run. */
  breachingNow: number;
}

/** Port: the two idle alarms (CloudWatch DescribeAlarms + the Participants history; local alarms locally). */
export interface IdleAlarmView {
  read(): Promise<IdleAlarmReading[]>;
}

/** Leading breaching periods of a newest-first series (undefined = no datapoint, not breaching). */
export function breachingRun(newestFirst: ReadonlyArray<number | undefined>): number {
  let n = 0;
  for (const v of newestFirst) {
    if (v === undefined || v > 0) break;
    n += 1;
  }
  return n;
}

/** Periods until the alarm would fire if the room stays empty; 0 when it is in ALARM. */
export function periodsUntilFire(reading: IdleAlarmReading): number {
  if (reading.state === 'ALARM') return 0;
  return Math.max(1, reading.periods - reading.breachingNow);
}

/** The same in milliseconds. */
export function msUntilFire(reading: IdleAlarmReading): number {
  return periodsUntilFire(reading) * reading.periodSeconds * 1000;
}

/** The next instant at which the wall clock in `timeZone` reads `hhmm` (HH:MM), after `now`. */
export function nextWallClockTime(now: Date, hhmm: string, timeZone: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  for (let day = 0; day <= 2; day += 1) {
    const probe = new Date(now.getTime() + day * 86_400_000);
    const [date] = wallClockParts(probe, timeZone);
    const guess = Date.parse(`${date}T${pad(hour)}:${pad(minute)}:00Z`);
    // Shift the UTC guess by the zone's offset at that moment (twice, to settle across a DST change).
    let at = guess - offsetMs(new Date(guess), timeZone);
    at = guess - offsetMs(new Date(at), timeZone);
    if (at > now.getTime()) return new Date(at);
  }
  return new Date(now.getTime() + 86_400_000);
}

/** `2026-11-29 03:00 Europe/Berlin`, or `… UTC`. */
export function formatInZone(at: Date, timeZone: string): string {
  const [date, time] = wallClockParts(at, timeZone);
  return `${date} ${time.slice(0, 5)} ${timeZone}`;
}

/** `3 h 5 min`, `12 min`, `40 s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${h} h` : `${h} h ${minutes % 60} min`;
}

function wallClockParts(at: Date, timeZone: string): [string, string] {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}:${parts.second}`];
}

function offsetMs(at: Date, timeZone: string): number {
  const [date, time] = wallClockParts(at, timeZone);
  return Date.parse(`${date}T${time}Z`) - Math.floor(at.getTime() / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');
