import type { ControllerEvents } from '../shared/domain/controller.js';
import type { Decision } from '../shared/domain/decisions.js';
import type { Clock } from '../shared/domain/service-group.js';
import { phaseSeconds } from '../shared/domain/wake-timeline.js';

/** Local mode prints each state change and action with a timestamp instead of JSON logs. */
export function stamp(): string {
  return new Date().toISOString().slice(11, 23);
}

export function say(message: string): void {
  process.stdout.write(`[${stamp()}] ${message}\n`);
}

export function terminalEvents(): ControllerEvents {
  return {
    phaseChanged: (from, to, status) => say(`${(from ?? 'start').padEnd(8)} → ${to.padEnd(8)} ${status.message}`),
    scaledUp: (ids, reason) => say(`action: wake ${ids.join(', ')} (desired 0 → 1) — ${reason}`),
    scaledDown: (ids, reason) => say(`action: sleep ${ids.join(', ')} (desired → 0) — ${reason}`),
    becameReady: (seconds) => say(`ready after ${seconds ?? '?'} s`),
    wakeTimeline: (timeline, outcome) => say(`wake timeline (${outcome}): ${Object.entries(phaseSeconds(timeline)).map(([p, s]) => `${p} ${s} s`).join(', ')}`),
  };
}

/** Several event sinks as one (terminal plus the functions' own logging). */
export function fanOut(...sinks: ControllerEvents[]): ControllerEvents {
  return {
    phaseChanged: (...a) => sinks.forEach((s) => s.phaseChanged?.(...a)),
    scaledUp: (...a) => sinks.forEach((s) => s.scaledUp?.(...a)),
    scaledDown: (...a) => sinks.forEach((s) => s.scaledDown?.(...a)),
    becameReady: (...a) => sinks.forEach((s) => s.becameReady?.(...a)),
    wakeTimeline: (...a) => sinks.forEach((s) => s.wakeTimeline?.(...a)),
  };
}

/** Wakes and stops as decisions, for the local decision log (`ctl --local … log`). */
export function decisionEvents(record: (d: Decision) => void, clock: Clock): ControllerEvents {
  return {
    scaledUp: (ids, reason) => record({ at: clock.now(), source: 'controller', action: 'wake', reason: `${reason} (${ids.join(', ')})` }),
    scaledDown: (ids, reason) => record({ at: clock.now(), source: 'controller', action: 'sleep', reason: `${reason} (${ids.join(', ')})` }),
  };
}
