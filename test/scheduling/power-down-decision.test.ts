import { decidePowerDown, parsePowerDownEvent, type PowerDownSituation } from '../../shared/domain/power-down.js';
import { idle, loadEvent, meeting, unknown } from './support.js';

const deadline = new Date('2026-11-27T02:00:00Z');
function situation(fields: Partial<PowerDownSituation> = {}): PowerDownSituation {
  return {
    now: new Date('2026-11-26T22:00:20Z'), deadline, attempt: 0, awake: true, phase: 'ready', activity: meeting,
    settings: { policy: 'defer', recheckMs: 15 * 60_000, maxDeferMs: 240 * 60_000 },
    ...fields,
  };
}

describe('decidePowerDown', () => {
  it('defers a live meeting with a deterministic re-check name', () => {
    const d = decidePowerDown(situation());
    expect(d).toMatchObject({ kind: 'defer', attempt: 1, scheduleName: 'power-down-recheck-20261127T020000Z-1' });
    expect(d.kind === 'defer' && d.recheckAt.toISOString()).toBe('2026-11-26T22:15:20.000Z');
    expect(d.reason).toMatch(/meeting live: 3 participant/);
  });

  it('defers when activity is unknown, and while the group is starting', () => {
    expect(decidePowerDown(situation({ activity: unknown })).kind).toBe('defer');
    expect(decidePowerDown(situation({ phase: 'waking', activity: idle })).reason).toMatch(/starting/);
  });

  it('stops an idle group without forcing', () => {
    expect(decidePowerDown(situation({ activity: idle }))).toEqual({ kind: 'stop', reason: 'nightly power-down: nobody meeting' });
  });

  it('never schedules a re-check past the deadline, and stops once it is reached', () => {
    const close = decidePowerDown(situation({ now: new Date('2026-11-27T01:50:00Z'), attempt: 15 }));
    expect(close.kind === 'defer' && close.recheckAt.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    const at = decidePowerDown(situation({ now: new Date('2026-11-27T02:00:40Z'), attempt: 16 }));
    expect(at).toMatchObject({ kind: 'stop', forced: 'deadline' });
  });

  it('force stops regardless of activity and says so', () => {
    const d = decidePowerDown(situation({ settings: { policy: 'force', recheckMs: 900_000, maxDeferMs: 0 } }));
    expect(d).toMatchObject({ kind: 'stop', forced: 'policy' });
    expect(d.reason).toMatch(/policy force: stopping although meeting live/);
  });

  it('does nothing for an asleep group or a stale delivery (even with force)', () => {
    expect(decidePowerDown(situation({ awake: false }))).toEqual({ kind: 'nothing', reason: 'the group is already asleep' });
    const stale = decidePowerDown(situation({ now: new Date('2026-11-27T09:00:00Z'), settings: { policy: 'force', recheckMs: 1, maxDeferMs: 1 } }));
    expect(stale.kind).toBe('nothing');
    expect(stale.reason).toMatch(/stale delivery/);
  });
});

describe('parsePowerDownEvent', () => {
  it('accepts the sample events', () => {
    expect(parsePowerDownEvent(loadEvent('power-down-nightly'))).toEqual({ ok: true, event: { action: 'power-down', scheduledTime: new Date('2026-11-26T22:00:00Z') } });
    expect(parsePowerDownEvent(loadEvent('power-down-recheck'))).toEqual({ ok: true, event: { action: 'power-down-recheck', deadline: deadline, attempt: 1 } });
  });

  it('accepts the nightly input the infrastructure sends (extra keys are ignored)', () => {
    expect(parsePowerDownEvent(loadEvent('scheduler-payload'))).toMatchObject({ ok: true, event: { action: 'power-down' } });
  });

  it.each([
    ['an unsubstituted placeholder', loadEvent('power-down-malformed'), /scheduledTime/],
    ['no object', 'power-down', /not a JSON object/],
    ['an unknown action', { action: 'reboot' }, /action must be/],
    ['a time without offset', { action: 'power-down', scheduledTime: '2026-11-26T22:00:00' }, /UTC offset/],
    ['an impossible date', { action: 'power-down', scheduledTime: '2026-02-30T22:00:00Z' }, /not a valid date/],
    ['a re-check without attempt', { action: 'power-down-recheck', deadline: '2026-11-27T02:00:00Z' }, /attempt/],
    ['a re-check with attempt 0', { action: 'power-down-recheck', deadline: '2026-11-27T02:00:00Z', attempt: 0 }, /attempt/],
  ])('rejects %s', (_name, event, reason) => {
    const parsed = parsePowerDownEvent(event);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
