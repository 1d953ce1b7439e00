/**
 * Calendar months in the operator's time zone (TIME_ZONE): a month in Europe/Berlin that contains a
 * daylight-saving change has 743 or 745 hours, not 744. Pure arithmetic over Intl; no adapter needed.
 */
export interface MonthWindow {
  /** "2026-03". */
  label: string;
  timeZone: string;
  /** First instant of the month (local midnight on the 1st). */
  start: Date;
  /** First instant of the next month. */
  end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(text: string): { year: number; month: number } | undefined {
  const m = MONTH.exec(text.trim());
  return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}

export function monthWindow(year: number, month: number, timeZone: string): MonthWindow {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    label: `${year}-${String(month).padStart(2, '0')}`,
    timeZone,
    start: zonedMidnight(year, month, timeZone),
    end: zonedMidnight(next.year, next.month, timeZone),
  };
}

/** The month that contains `at` in `timeZone`. */
export function monthOf(at: Date, timeZone: string): MonthWindow {
  const { year, month } = localParts(at, timeZone);
  return monthWindow(year, month, timeZone);
}

/** Local midnight on the 1st as a UTC instant (two passes settle the zone's offset on that day). */
function zonedMidnight(year: number, month: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, 1);
  let t = wall - offsetMs(new Date(wall), timeZone);
  t = wall - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}
