import { decisionFromLine, decisionFromRecord, shortName } from '../../shared/domain/decisions.js';
import { breachingRun, formatDuration, nextWallClockTime, periodsUntilFire } from '../../shared/domain/operator-view.js';

const FALLBACK = { at: new Date('2026-11-26T12:00:00Z'), source: 'watch' };

describe('decisions from structured log lines', () => {
  it('takes actions with their reasons and leaves out polls and readings', () => {
    expect(decisionFromRecord({ message: 'power-down deferred: meeting live or activity unknown', action: 'defer', reason: 'meeting live: re-checking', timestamp: '2026-11-26T01:00:00.000Z', level: 'INFO' }, FALLBACK))
      .toEqual({ at: new Date('2026-11-26T01:00:00.000Z'), source: 'watch', action: 'defer', reason: 'power-down deferred: meeting live or activity unknown: meeting live: re-checking', level: 'INFO' });
    expect(decisionFromRecord({ message: 'power-down: nothing to do', action: 'none', reason: 'the group is already asleep' }, FALLBACK)?.action).toBe('none');
    // A waiting page's poll ("wake request", nothing to do) and the watcher's reading are not decisions.
    expect(decisionFromRecord({ message: 'wake request', action: 'none' }, FALLBACK)).toBeUndefined();
    expect(decisionFromRecord({ message: 'watch', action: 'published', reason: '2 participants' }, FALLBACK)).toBeUndefined();
    expect(decisionFromLine('not json', FALLBACK)).toBeUndefined();
    expect(decisionFromLine('[1,2]', FALLBACK)).toBeUndefined();
    expect(decisionFromRecord({ action: 'wake', reason: 'x', timestamp: 'garbage' }, FALLBACK)?.at).toEqual(FALLBACK.at);
  });

  it('names the function from the generated Lambda name', () => {
    expect(shortName('JitsiScaleToZero-ControllerIdleShutdownFunction1A2-abc')).toBe('idle-shutdown');
    expect(shortName('JitsiScaleToZero-ControllerPowerDownFunctionX-abc')).toBe('power-down');
    expect(shortName('something-else')).toBe('something-else');
  });
});

describe('idle timers and the nightly clock', () => {
  it('counts breaching periods from the newest; a gap or a participant ends the run', () => {
    expect(breachingRun([0, 0, 0, 1, 0])).toBe(3);
    expect(breachingRun([0, undefined, 0])).toBe(1);
    expect(breachingRun([])).toBe(0);
    expect(periodsUntilFire({ timer: 'empty', name: 'e', state: 'OK', periods: 15, periodSeconds: 60, breachingNow: 15 })).toBe(1);
    expect(periodsUntilFire({ timer: 'empty', name: 'e', state: 'ALARM', periods: 15, periodSeconds: 60, breachingNow: 15 })).toBe(0);
  });

  it('finds the next local HH:MM, across a daylight-saving change', () => {
    expect(nextWallClockTime(new Date('2026-11-26T12:00:00Z'), '02:00', 'Europe/Berlin').toISOString()).toBe('2026-11-27T01:00:00.000Z');
    expect(nextWallClockTime(new Date('2026-11-27T00:30:00Z'), '02:00', 'Europe/Berlin').toISOString()).toBe('2026-11-27T01:00:00.000Z');
    // Summer time starts on 2026-03-29 in Berlin: 03:30 local is 01:30 UTC that night, 02:30 UTC the night before.
    expect(nextWallClockTime(new Date('2026-03-28T12:00:00Z'), '03:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(nextWallClockTime(new Date('2026-11-26T23:59:00Z'), '00:00', 'UTC').toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(formatDuration(13 * 3_600_000)).toBe('13 h');
    expect(formatDuration(125 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(40_000)).toBe('40 s');
  });
});
