import { decideIdleStop, longerTimer, type IdleFacts, type IdleSettings } from '../../shared/domain/idle-decision.js';

const defaults: IdleSettings = { noJoinMs: 10 * 60_000, emptyMs: 15 * 60_000, graceMs: 5 * 60_000 };
const local: IdleSettings = { noJoinMs: 60_000, emptyMs: 20_000, graceMs: 10_000 };
const now = new Date('2026-11-26T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function facts(overrides: Partial<IdleFacts> = {}): IdleFacts {
  return {
    timer: 'empty',
    now,
    asleep: false,
    activity: { kind: 'known', participants: 0, conferences: 0, recording: false },
    readiness: { ready: true, since: minutesAgo(60) },
    wakeRequests: 0,
    maxParticipantsSinceReady: 3,
    ...overrides,
  };
}

describe('IdleDecision', () => {
  it('stops an empty room that had participants when the empty-room alarm fires', () => {
    expect(decideIdleStop(facts(), defaults)).toEqual({ action: 'stop', reason: expect.stringMatching(/^last participant left/) });
  });

  it.each<[string, Partial<IdleFacts>, string, boolean]>([
    ['meeting live', { activity: { kind: 'known', participants: 2, conferences: 1, recording: false } }, 'meeting-live', true],
    ['lone participant', { activity: { kind: 'known', participants: 1, conferences: 1, recording: false } }, 'meeting-live', true],
    ['recording with nobody else', { activity: { kind: 'known', participants: 0, conferences: 1, recording: true } }, 'meeting-live', true],
    ['activity unknown', { activity: { kind: 'unknown', reason: 'timeout' } }, 'activity-unknown', true],
    ['already asleep', { asleep: true }, 'asleep', true],
    ['not all members running', { readiness: { ready: false, reason: 'no running task for jitsi/jvb' } }, 'not-ready', true],
    ['ready for less than the grace', { readiness: { ready: true, since: minutesAgo(4) } }, 'grace', true],
    ['a wake request within the grace', { wakeRequests: 1 }, 'wake-requested', true],
    ['wake requests could not be counted', { wakeRequests: undefined }, 'wake-unknown', true],
  ])('%s → no stop (%s), rearm %s', (_name, overrides, code, rearm) => {
    expect(decideIdleStop(facts(overrides), defaults)).toMatchObject({ action: 'skip', code, rearm });
  });

  describe('the two timers (defaults: no-join 10 min is the shorter, empty 15 min the longer)', () => {
    it('no-join alarm, nobody joined since ready → stop', () => {
      expect(decideIdleStop(facts({ timer: 'no-join', maxParticipantsSinceReady: 0 }), defaults)).toMatchObject({ action: 'stop', reason: expect.stringMatching(/nobody joined since ready/) });
    });
    it('no-join alarm after a meeting → leaves it to the empty-room timer, no rearm', () => {
      expect(decideIdleStop(facts({ timer: 'no-join', maxParticipantsSinceReady: 4 }), defaults)).toMatchObject({ action: 'skip', code: 'other-timer', rearm: false });
    });
    it('no-join alarm without history → leaves it to the longer timer', () => {
      expect(decideIdleStop(facts({ timer: 'no-join', maxParticipantsSinceReady: undefined }), defaults)).toMatchObject({ action: 'skip', code: 'other-timer' });
    });
    it('the longer timer stops without needing history (empty long enough for both meanings)', () => {
      expect(decideIdleStop(facts({ timer: 'empty', maxParticipantsSinceReady: undefined }), defaults).action).toBe('stop');
      expect(decideIdleStop(facts({ timer: 'empty', maxParticipantsSinceReady: 0 }), defaults).action).toBe('stop');
    });
  });

  describe('local windows (empty 20 s is the shorter, no-join 60 s the longer)', () => {
    it('empty-room alarm after a meeting → stop', () => {
      expect(decideIdleStop(facts({ maxParticipantsSinceReady: 1 }), local).action).toBe('stop');
    });
    it('empty-room alarm when nobody ever joined → waits for the no-join timer', () => {
      expect(decideIdleStop(facts({ maxParticipantsSinceReady: 0 }), local)).toMatchObject({ action: 'skip', code: 'other-timer', rearm: false });
    });
    it('no-join alarm (the longer) → stop', () => {
      expect(decideIdleStop(facts({ timer: 'no-join', maxParticipantsSinceReady: undefined }), local).action).toBe('stop');
    });
  });

  it('equal windows: the empty-room timer counts as the longer one', () => {
    expect(longerTimer({ noJoinMs: 1, emptyMs: 1, graceMs: 0 })).toBe('empty');
  });
});
