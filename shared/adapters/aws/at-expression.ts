/**
 * `at(yyyy-mm-ddThh:mm:ss)` for an instant, as wall-clock time in the schedule's IANA time zone, so schedules
 * read naturally in the console. Near a daylight-saving change a local time can be ambiguous (fall) or
 * missing (spring; Scheduler skips those), so near a change the expression is written in UTC. "Near" is
 * the largest shift in use: Antarctica/Troll moves by 2 hours, so an hour's margin would leave local
 * times that occur twice.
 */
const NEAR_CHANGE_MS = 3 * 3_600_000;

export function atExpression(at: Date, timeZone: string): { expression: string; timeZone: string } {
  // Round up to whole seconds: a schedule must never fire before the instant asked for.
  const instant = new Date(Math.ceil(at.getTime() / 1000) * 1000);
  const zone = timeZone === 'UTC' || nearOffsetChange(instant, timeZone) ? 'UTC' : timeZone;
  return { expression: `at(${wallClock(instant, zone)})`, timeZone: zone };
}

export function wallClock(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

function offsetMs(at: Date, timeZone: string): number {
  return Date.parse(`${wallClock(at, timeZone)}Z`) - Math.floor(at.getTime() / 1000) * 1000;
}

function nearOffsetChange(at: Date, timeZone: string): boolean {
  const here = offsetMs(at, timeZone);
  return offsetMs(new Date(at.getTime() - NEAR_CHANGE_MS), timeZone) !== here || offsetMs(new Date(at.getTime() + NEAR_CHANGE_MS), timeZone) !== here;
}
