import { classifyMembers, memberViews, wakeTiming } from '../../shared/domain/group-state.js';
import { snapshot } from './support.js';

describe('classifyMembers', () => {
  it.each([
    ['every member at zero with nothing running', [snapshot('c/web'), snapshot('c/jvb')], { kind: 'asleep' }],
    ['tasks still draining after desired 0', [snapshot('c/web', { running: 1 }), snapshot('c/jvb')], { kind: 'stopping', reason: 'tasks still stopping: c/web' }],
    ['pending tasks after desired 0', [snapshot('c/web', { pending: 1 }), snapshot('c/jvb')], { kind: 'stopping', reason: 'tasks still stopping: c/web' }],
    ['one member up, one still at zero', [snapshot('c/web', { desired: 1, running: 1 }), snapshot('c/jvb')], { kind: 'starting', reason: 'not yet started: c/jvb' }],
    ['running below desired', [snapshot('c/web', { desired: 2, running: 1, pending: 1 }), snapshot('c/jvb', { desired: 1, running: 1 })], { kind: 'starting', reason: 'tasks starting: c/web 1/2' }],
    ['health UNKNOWN', [snapshot('c/web', { desired: 1, running: 1, health: 'UNKNOWN' }), snapshot('c/jvb', { desired: 1, running: 1 })], { kind: 'starting', reason: 'health checks pending: c/web' }],
    ['health UNHEALTHY', [snapshot('c/web', { desired: 1, running: 1, health: 'HEALTHY' }), snapshot('c/jvb', { desired: 1, running: 1, health: 'UNHEALTHY' })], { kind: 'starting', reason: 'health checks pending: c/jvb' }],
    ['HEALTHY and no health check (NONE)', [snapshot('c/web', { desired: 1, running: 1, health: 'HEALTHY' }), snapshot('c/jvb', { desired: 3, running: 3, health: 'NONE' })], { kind: 'steady' }],
    ['a missing service, whatever else', [snapshot('c/web', { exists: false }), snapshot('c/jvb', { desired: 1, running: 1 })], { kind: 'failed', reason: 'service not found: c/web' }],
    ['a failed rollout', [snapshot('c/web', { desired: 1, rolloutFailed: true }), snapshot('c/jvb', { desired: 1, running: 1 })], { kind: 'failed', reason: 'deployment failed: c/web' }],
  ])('%s', (_name, members, verdict) => {
    expect(classifyMembers(members)).toEqual(verdict);
  });

  it('a missing service wins over a failed rollout in the reason', () => {
    const verdict = classifyMembers([snapshot('c/web', { rolloutFailed: true }), snapshot('c/jvb', { exists: false })]);
    expect(verdict).toEqual({ kind: 'failed', reason: 'service not found: c/jvb' });
  });
});

describe('memberViews and wakeTiming', () => {
  it('exposes only id, counts and health', () => {
    const views = memberViews([snapshot('c/web', { desired: 1, running: 1, health: 'HEALTHY', changedAt: new Date() })]);
    expect(views).toEqual([{ id: 'c/web', desired: 1, running: 1, pending: 0, health: 'HEALTHY' }]);
  });

  it('has no timing without a start time', () => {
    expect(wakeTiming(undefined, new Date(), 60)).toEqual({});
  });

  it('rounds elapsed seconds and clamps the estimate at zero', () => {
    const start = new Date('2026-11-26T12:00:00Z');
    expect(wakeTiming(start, new Date('2026-11-26T12:00:10.600Z'), 60)).toEqual({ wakeStartedAt: start.toISOString(), elapsedSeconds: 11, estimatedSecondsLeft: 49 });
    expect(wakeTiming(start, new Date('2026-11-26T12:05:00Z'), 60)).toMatchObject({ elapsedSeconds: 300, estimatedSecondsLeft: 0 });
    expect(wakeTiming(start, new Date('2026-11-26T11:59:00Z'), 60)).toMatchObject({ elapsedSeconds: 0 });
  });
});
