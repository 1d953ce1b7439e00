import { CreateScheduleCommand, ConflictException } from '@aws-sdk/client-scheduler';
import { createPowerDownHandler } from '../../functions/power-down/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import type { Activity } from '../../shared/domain/activity.js';
import type { PowerDownPolicy } from '../../shared/domain/power-down.js';
import { logger, metrics } from '../../shared/observability.js';
import { InMemoryWakeLedger } from '../../shared/adapters/memory/activity-memory.js';
import { captureOutput, controllerSetup, idle, loadEvent, meeting, mockedSchedules, SetActivity, unknown } from './support.js';

const SELF = 'arn:aws:lambda:local:000000000000:function:power-down';

async function app(options: { awake?: boolean; activity?: Activity; policy?: PowerDownPolicy; now?: string; graceMs?: number } = {}) {
  const output = captureOutput();
  const { clock, group, controller } = await controllerSetup({ awake: options.awake ?? true });
  clock.advance(new Date(options.now ?? '2026-11-26T22:00:20Z').getTime() - clock.now().getTime());
  const activity = new SetActivity(options.activity ?? meeting);
  const { mock, schedules } = mockedSchedules();
  mock.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-central-1:123456789012:schedule/jitsi-controller/x' });
  const ledger = new InMemoryWakeLedger();
  // The group became ready about 4.5 minutes before the default `now`: a 2-minute grace is over.
  const handler = createPowerDownHandler({
    controller, activity, schedules, clock, logger, metrics, grace: { group, ledger, graceMs: options.graceMs ?? 2 * 60_000 },
    settings: { policy: options.policy ?? 'defer', recheckMs: 15 * 60_000, maxDeferMs: 240 * 60_000 },
  });
  const invoke = (event: unknown) => handler(event, lambdaContext('power-down'));
  return { clock, group, activity, ledger, mock, output, invoke, sleeps: () => group.calls.filter((c) => c.op === 'sleep').length };
}

describe('power-down function', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('defers the nightly run during a meeting with one exact one-time schedule, then stops at the deadline', async () => {
    const t = await app();
    restore = t.output.restore;

    const first = await t.invoke(loadEvent('power-down-nightly'));

    expect(first).toEqual({ outcome: 'deferred', reason: expect.stringMatching(/meeting live/), stopped: [], recheck: 'power-down-recheck-20261127T020000Z-1' });
    expect(t.sleeps()).toBe(0);
    const create = t.mock.commandCalls(CreateScheduleCommand);
    expect(create).toHaveLength(1);
    expect(create[0]!.args[0].input).toEqual({
      Name: 'power-down-recheck-20261127T020000Z-1',
      GroupName: 'jitsi-controller',
      ScheduleExpression: 'at(2026-11-26T23:15:20)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: 'Nightly power-down re-check 1 (deadline 2026-11-27T02:00:00.000Z)',
      Target: { Arn: SELF, RoleArn: 'arn:aws:iam::123456789012:role/jitsi-scheduler', Input: JSON.stringify(loadEvent('power-down-recheck')) },
    });
    expect(t.output.metric('PowerDownDeferred')).toBe(1);

    // The meeting runs past the deadline: the last re-check stops anyway and says the deadline forced it.
    t.clock.advance(new Date('2026-11-27T02:00:30Z').getTime() - t.clock.now().getTime());
    const last = await t.invoke({ action: 'power-down-recheck', deadline: '2026-11-27T02:00:00.000Z', attempt: 16 });

    expect(last).toMatchObject({ outcome: 'stopped', forced: 'deadline', stopped: ['jitsi/web', 'jitsi/jvb'] });
    expect(t.sleeps()).toBe(2);
    expect(t.mock.commandCalls(CreateScheduleCommand)).toHaveLength(1);
    expect(t.output.logs('the deadline forced a stop')).toHaveLength(1);
    expect(t.output.metric('Stops')).toBe(1);
  });

  it('stops when a re-check finds the meeting over', async () => {
    const t = await app({ activity: idle, now: '2026-11-26T22:15:40Z' });
    restore = t.output.restore;
    expect(await t.invoke(loadEvent('power-down-recheck'))).toMatchObject({ outcome: 'stopped', reason: 'nightly power-down: nobody meeting' });
    expect(t.sleeps()).toBe(2);
  });

  it('defers when activity is unknown', async () => {
    const t = await app({ activity: unknown });
    restore = t.output.restore;
    expect(await t.invoke(loadEvent('power-down-nightly'))).toMatchObject({ outcome: 'deferred' });
    expect(t.sleeps()).toBe(0);
  });

  it('force stops during a meeting and logs that it did', async () => {
    const t = await app({ policy: 'force' });
    restore = t.output.restore;
    expect(await t.invoke(loadEvent('power-down-nightly'))).toMatchObject({ outcome: 'stopped', forced: 'policy' });
    expect(t.sleeps()).toBe(2);
    const [line] = t.output.logs('policy force stopped the group');
    expect(line).toMatchObject({ level: 'WARN', action: 'stop', policy: 'force', reason: expect.stringMatching(/although meeting live: 3 participant/) });
    expect(t.mock.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });

  it('a duplicate nightly delivery stops once', async () => {
    const t = await app({ activity: idle });
    restore = t.output.restore;
    const event = loadEvent('power-down-nightly');
    const first = await t.invoke(event);
    const second = await t.invoke(event);
    expect(first).toMatchObject({ outcome: 'stopped' });
    expect(second).toMatchObject({ outcome: 'nothing', reason: 'the group is already asleep' });
    expect(t.sleeps()).toBe(2); // one sleep per member, once
    expect(t.output.metric('Stops')).toBe(1);
  });

  it('a duplicate delivery during a meeting leaves one re-check (ConflictException) and counts one deferral', async () => {
    const t = await app();
    restore = t.output.restore;
    t.mock.on(CreateScheduleCommand).resolvesOnce({}).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    const event = loadEvent('power-down-nightly');
    await t.invoke(event);
    const second = await t.invoke(event);
    expect(second).toMatchObject({ outcome: 'deferred', recheck: 'power-down-recheck-20261127T020000Z-1' });
    expect(new Set(t.mock.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input.Name)).size).toBe(1);
    expect(t.output.metric('PowerDownDeferred')).toBe(1);
  });

  it('does nothing for an asleep group: no activity read, no schedule, no stop', async () => {
    const t = await app({ awake: false });
    restore = t.output.restore;
    expect(await t.invoke(loadEvent('power-down-nightly'))).toMatchObject({ outcome: 'nothing' });
    expect(t.activity.reads).toBe(0);
    expect(t.mock.calls()).toHaveLength(0);
    expect(t.group.calls).toHaveLength(0);
  });

  it.each(['power-down-malformed', 'post-wake'])('rejects the malformed event %s with a log line and no action', async (name) => {
    const t = await app();
    restore = t.output.restore;
    expect(await t.invoke(loadEvent(name))).toMatchObject({ outcome: 'rejected' });
    expect(t.output.logs('rejected malformed power-down event')).toHaveLength(1);
    expect(t.output.metric('RejectedEvents')).toBe(1);
    expect(t.activity.reads).toBe(0);
    expect(t.mock.calls()).toHaveLength(0);
    expect(t.group.calls).toHaveLength(0);
  });
});
